package com.mobayilo.calls;

import java.time.Duration;

import com.mobayilo.shared.DomainException;
import com.mobayilo.shared.RetryLater;

/** Why a number could not be sent for verification; each reads as {@code callerid.refused.<REASON>}. */
public abstract sealed class CallerIdRefusal extends DomainException permits CallerIdRefusal.CallRefused, CallerIdRefusal.Throttled {

    private CallerIdRefusal(Kind kind, String messageKey, Object... arguments) {
        super(kind, messageKey, arguments);
    }

    /** The carrier would not place the verification call. */
    public static final class CallRefused extends CallerIdRefusal {

        private final Reason reason;

        public CallRefused(Reason reason) {
            super(reason == Reason.UNAVAILABLE ? Kind.CONFLICT : Kind.INVALID_INPUT, "callerid.refused." + reason.name());
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** Too many verification calls asked for; each one rings a phone and costs a call. */
    public static final class Throttled extends CallerIdRefusal implements RetryLater {

        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super(Kind.TOO_MANY_REQUESTS, "callerid.refused.THROTTLED", Math.max(1, (retryAfter.toSeconds() + 59) / 60));
            this.retryAfter = retryAfter;
        }

        @Override
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** What the carrier said, in words a person can act on. */
    public enum Reason {
        /** Twilio 21450: the number is already a verified caller ID on the account, and not through this person. */
        ALREADY_REGISTERED,
        /** Twilio 21211, 21214, 21217, 21401: the carrier cannot call this number. */
        UNREACHABLE,
        /** Twilio 21215, 21216: calls to this number's country are not enabled. */
        NOT_PERMITTED,
        /** Anything else, such as the carrier being down. */
        UNAVAILABLE
    }
}
