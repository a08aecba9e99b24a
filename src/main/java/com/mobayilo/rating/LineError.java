package com.mobayilo.rating;

/** What is wrong on one line of an uploaded deck, as a translation key with arguments. */
public record LineError(int line, String messageKey, Object... arguments) {
}
