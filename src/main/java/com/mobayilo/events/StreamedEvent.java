package com.mobayilo.events;

/** An event as a subscriber of the core's stream receives it: its id, its type and its JSON data. */
public record StreamedEvent(long id, String type, String data) {
}
