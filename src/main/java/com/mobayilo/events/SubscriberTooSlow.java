package com.mobayilo.events;

/** A subscriber fell too far behind its live feed; it should resume from its last event id. */
public final class SubscriberTooSlow extends RuntimeException {

    SubscriberTooSlow() {
        super("Event subscriber fell behind; resume with Last-Event-ID", null, false, false);
    }
}
