package com.mobayilo.calls;

import java.util.Optional;

/** What the voice webhook is asked: connect the browser {@code from} (Twilio's {@code client:<identity>}) to {@code to}. */
public record VoiceRequest(String callSid, String from, String to) {

    private static final String CLIENT = "client:";

    public Optional<String> identity() {
        return from != null && from.startsWith(CLIENT) && from.length() > CLIENT.length() ? Optional.of(from.substring(CLIENT.length()))
                : Optional.empty();
    }
}
