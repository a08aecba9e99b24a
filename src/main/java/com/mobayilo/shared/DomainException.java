package com.mobayilo.shared;

import java.util.Arrays;

/**
 * A rule of the domain said no. Each feature keeps its own small sealed family of these (for example
 * {@code accounts.AccountRefusal}); each edge maps them once: the WebFlux core to an RFC 9457 problem
 * detail, the Vaadin UI to a notification or a field error. The message is a key into the translation
 * bundles, so every refusal reads in the user's language.
 */
public abstract class DomainException extends RuntimeException {

    private final Kind kind;

    private final String messageKey;

    private final transient Object[] arguments;

    protected DomainException(Kind kind, String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + messageKey + Arrays.toString(arguments);
    }

    /** What sort of no it is, which decides the HTTP status at the API edge. */
    public enum Kind {
        INVALID_INPUT, NOT_FOUND, CONFLICT, FORBIDDEN, TOO_MANY_REQUESTS, PAYMENT_REQUIRED,
        /** Something we depend on (the database) is down for a while; nobody's mistake, worth retrying. */
        UNAVAILABLE
    }
}
