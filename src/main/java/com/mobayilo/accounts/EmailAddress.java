package com.mobayilo.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased so that one mailbox is one account. */
public record EmailAddress(String value) {

    // Pragmatic: one @, a dotted domain, no spaces. The verification mail is the real proof. A label is runs of
    // letters and digits joined by hyphens; the possessive quantifiers never backtrack, so no input is slow (ReDoS).
    private static final String LABEL = "[A-Za-z0-9]++(?:-++[A-Za-z0-9]++)*+";

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@" + LABEL + "(?:\\." + LABEL + ")++$");

    public EmailAddress {
        if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new InvalidEmail();
        }
    }

    public static EmailAddress of(String raw) {
        return new EmailAddress(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
    }

    public static boolean isValid(String raw) {
        try {
            of(raw);
            return true;
        }
        catch (InvalidEmail ex) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
