package com.mobayilo.rating;

import java.util.List;

/** A parsed deck file: its rows, or the reasons it cannot be used, line by line. */
public record DeckUpload(List<Rate> rows, List<LineError> errors) {

    public boolean isValid() {
        return errors.isEmpty();
    }
}
