package com.mobayilo.rating;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180: commas, double quotes, doubled quotes inside quotes). */
final class CsvLines {

    private CsvLines() {
    }

    /** The cells of {@code line}, or null if a quote is never closed. */
    static List<String> cells(String line) {
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        var quoted = false;
        for (int i = 0; i < line.length(); i++) {
            var c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    cell.append(c);
                }
            }
            else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            }
            else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }
}
