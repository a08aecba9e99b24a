package com.mobayilo.calls.twilio;

import java.math.BigDecimal;
import java.util.Optional;

import com.mobayilo.calls.CallStatus;
import com.mobayilo.calls.CarrierCalls;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Twilio's REST view of a call: the dialled (child) leg of the browser's call says how it ended, how long it
 * talked and, once Twilio has rated it, its price (negative US dollars, turned into cents).
 */
final class TwilioCarrierCalls implements CarrierCalls {

    private final TwilioRestClient client;

    TwilioCarrierCalls(TwilioRestClient client) {
        this.client = client;
    }

    @Override
    public Mono<Ended> ending(String callSid) {
        return Mono.fromCallable(() -> {
                    var children = Call.reader().setParentCallSid(callSid).limit(5).read(client);
                    for (var child : children) {
                        return Optional.of(child);
                    }
                    return Optional.<Call>empty();
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(child -> child.isPresent() ? ended(child.get()) : parentOnly(callSid));
    }

    private static Mono<Ended> ended(Call child) {
        var status = CallStatus.fromTwilio(child.getStatus().toString()).filter(CallStatus::isTerminal);
        if (status.isEmpty()) {
            return Mono.empty();
        }
        var seconds = child.getDuration() == null ? 0 : Integer.parseInt(child.getDuration());
        var price = child.getPrice() == null || child.getPrice().isBlank() ? Optional.<BigDecimal>empty()
                : Optional.of(new BigDecimal(child.getPrice()).abs().movePointRight(2));
        return Mono.just(new Ended(status.get(), seconds, price));
    }

    /** No dialled leg: the browser's call ended before dialling, so nothing connected and nothing is billed. */
    private Mono<Ended> parentOnly(String callSid) {
        return Mono.fromCallable(() -> Call.fetcher(callSid).fetch(client))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(parent -> CallStatus.fromTwilio(parent.getStatus().toString()).filter(CallStatus::isTerminal)
                        .map(status -> Mono.just(new Ended(CallStatus.CANCELED, 0, Optional.<BigDecimal>empty())))
                        .orElseGet(Mono::empty));
    }
}
