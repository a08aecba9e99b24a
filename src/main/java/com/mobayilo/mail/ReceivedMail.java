package com.mobayilo.mail;

import java.time.Instant;

/** A mail as the sandbox SMTP server received it. */
public record ReceivedMail(String to, String subject, Instant receivedAt, String text) {
}
