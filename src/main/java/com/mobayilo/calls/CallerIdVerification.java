package com.mobayilo.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.mobayilo.accounts.User;
import com.mobayilo.accounts.UserId;
import com.mobayilo.accounts.Users;
import com.mobayilo.events.EventLog;
import com.mobayilo.events.Streams;
import com.mobayilo.ratelimit.RateLimit;
import com.mobayilo.ratelimit.RateLimits;
import com.mobayilo.rating.DestinationBlocked;
import com.mobayilo.rating.DestinationGuard;
import com.mobayilo.rating.PhoneNumber;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A person's own number as caller ID (docs/decisions/0014-caller-id.md). Asking sends the number to the carrier,
 * which answers with a code and calls it; the person types the code on that phone; the carrier's signed callback
 * marks the caller ID verified or failed, and calls show it from then on. Each change of a caller ID is announced
 * as {@code callerid.updated} in its own transaction. Removing it brings back the default caller ID.
 */
@Service
public class CallerIdVerification {

    /** The path of the carrier's status callback; each request adds its own id as {@code ?request=}. */
    public static final String CALLBACK_PATH = "/webhooks/twilio/caller-id";

    /** Each verification rings a phone and costs a call: a few an hour are plenty for a person. */
    static final RateLimit PER_USER = new RateLimit("caller-id-verifications", 5, Duration.ofHours(1));

    /** A verification call that has not reported back by then is not waited for any more. */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(5);

    private final CallerIds callerIds;

    private final Users users;

    private final CallerIdCarrier carrier;

    private final DestinationGuard guard;

    private final RateLimits limits;

    private final EventLog events;

    private final TransactionalOperator transaction;

    private final String publicUrl;

    private final Clock clock;

    CallerIdVerification(CallerIds callerIds, Users users, CallerIdCarrier carrier, DestinationGuard guard, RateLimits limits, EventLog events,
            TransactionalOperator transaction, @Value("${mobayilo.public-url}") String publicUrl, Clock clock) {
        this.callerIds = callerIds;
        this.users = users;
        this.carrier = carrier;
        this.guard = guard;
        this.limits = limits;
        this.events = events;
        this.transaction = transaction;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    /** The person's own caller ID; empty while calls show the default one. */
    public Mono<CallerId> current(UserId owner) {
        return callerIds.current(owner);
    }

    /**
     * Verifies {@code raw} (read in the owner's home country) as their caller ID. A number they already proved
     * becomes their caller ID at once, and a verification call still going on is not placed twice; otherwise the
     * carrier calls the number and the answer carries the code to type. Refusals leave the caller ID as it was.
     */
    public Mono<CallerId> request(UserId owner, String raw) {
        return users.findById(owner)
                .map(user -> callable(user, raw))
                .flatMap(number -> callerIds.current(owner)
                        .filter(current -> (current.isVerified() && current.number().equals(number.e164())) || current.awaits(number.e164(), clock.instant()))
                        .switchIfEmpty(Mono.defer(() -> restoreOrCall(owner, number))));
    }

    /** Calls show the default caller ID again. A verification call still going on no longer changes anything. */
    public Mono<Void> remove(UserId owner) {
        return callerIds.remove(owner)
                .filter(removed -> removed)
                .flatMap(removed -> events.append(Streams.user(owner.value()), CallerIdUpdated.TYPE, CallerIdUpdated.removed()))
                .as(transaction::transactional)
                .then();
    }

    /** Applies the carrier's callback once: a duplicate, or one for a request replaced since, changes nothing more. */
    public Mono<Void> report(CallerIdReport report) {
        var now = clock.instant();
        return callerIds.settle(report, now)
                .flatMap(owner -> callerIds.settleCurrent(owner, report, now).flatMap(current -> announce(owner, current)))
                .as(transaction::transactional)
                .then();
    }

    private PhoneNumber callable(User user, String raw) {
        var number = PhoneNumber.parse(raw, user.homeCountry());
        if (!user.isEmailVerified()) {
            throw new DestinationBlocked(DestinationBlocked.Reason.EMAIL_NOT_VERIFIED);
        }
        // the verification call is a call Mobayilo pays for: premium-rate and blocked destinations are refused
        guard.checkDestination(number);
        return number;
    }

    private Mono<CallerId> restoreOrCall(UserId owner, PhoneNumber number) {
        return callerIds.isProven(owner, number.e164())
                .flatMap(proven -> proven ? restore(owner, number) : call(owner, number));
    }

    private Mono<CallerId> restore(UserId owner, PhoneNumber number) {
        return callerIds.restore(owner, number.e164(), clock.instant())
                .flatMap(current -> announce(owner, current))
                .as(transaction::transactional);
    }

    /** The request is saved before the carrier is asked, so its callback always finds it. */
    private Mono<CallerId> call(UserId owner, PhoneNumber number) {
        var request = UUID.randomUUID();
        return limits.consume(PER_USER, owner.value().toString())
                .flatMap(verdict -> verdict.allowed() ? callerIds.open(request, owner, number.e164(), clock.instant())
                        : Mono.error(new CallerIdRefusal.Throttled(verdict.retryAfter())))
                .then(carrier.requestValidation(number, "Mobayilo " + owner.value(), publicUrl + CALLBACK_PATH + "?request=" + request))
                .onErrorResume(CallerIdRefusal.CallRefused.class, refused -> callerIds.refused(request, refused.reason(), clock.instant()).then(Mono.error(refused)))
                .flatMap(validation -> chosen(owner, request, validation));
    }

    private Mono<CallerId> chosen(UserId owner, UUID request, CallerIdCarrier.Validation validation) {
        return callerIds.placed(request, validation)
                .then(callerIds.choose(request))
                .flatMap(current -> announce(owner, current))
                .as(transaction::transactional);
    }

    private Mono<CallerId> announce(UserId owner, CallerId current) {
        return events.append(Streams.user(owner.value()), CallerIdUpdated.TYPE, CallerIdUpdated.of(current)).thenReturn(current);
    }
}
