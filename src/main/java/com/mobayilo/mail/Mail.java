package com.mobayilo.mail;

/** One email to one recipient, with a plain-text and an HTML body. */
public record Mail(String to, String subject, String text, String html) {

    public Mail {
        if (to == null || to.isBlank() || subject == null || text == null) {
            throw new IllegalArgumentException("A mail needs a recipient, a subject and a text body");
        }
    }
}
