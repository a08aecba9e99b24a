package com.mobayilo.rating;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.mobayilo.events.EventHub;
import com.mobayilo.events.Streams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The sell rates, as an in-memory longest-prefix index. Every instance loads the deck at start and again
 * whenever a {@code rate-deck.changed} event arrives on the system stream, so an import on one instance
 * reaches all of them; the index is also rebuilt when the day changes, for rows with a later effective date.
 */
@Component
public class RateDeck implements SmartLifecycle {

    static final String CHANGED = "rate-deck.changed";

    private static final Logger log = LoggerFactory.getLogger(RateDeck.class);

    private final DeckRows rows;

    private final EventHub hub;

    private final Clock clock;

    private final AtomicReference<Loaded> current = new AtomicReference<>(new Loaded(List.of(), PrefixIndex.of(List.of(), LocalDate.MIN)));

    private volatile Disposable following;

    RateDeck(DeckRows rows, EventHub hub, Clock clock) {
        this.rows = rows;
        this.hub = hub;
        this.clock = clock;
    }

    /** The rate for calls to {@code number}, or {@link NoRate} if no prefix matches. */
    public Rate rateFor(PhoneNumber number) {
        return index().longestMatch(number.digits()).orElseThrow(() -> new NoRate(number));
    }

    /** Landline and mobile rates of every country the deck reaches. */
    public List<CountryRates> countries() {
        return current.get().countries();
    }

    /** Every row of the deck, including rows not yet effective. */
    public List<Rate> rows() {
        return current.get().rows();
    }

    public int size() {
        return index().size();
    }

    void reload() {
        load().block();
    }

    /** Reads the deck and swaps the index in; readers keep using the old one until then. */
    Mono<Void> load() {
        return rows.all().collectList()
                .doOnNext(loaded -> {
                    current.set(new Loaded(loaded, PrefixIndex.of(loaded, today())));
                    log.info("Rate deck loaded: {} rows", loaded.size());
                })
                .then();
    }

    private PrefixIndex index() {
        var loaded = current.get();
        if (!loaded.index().day().equals(today())) {
            var rebuilt = new Loaded(loaded.rows(), PrefixIndex.of(loaded.rows(), today()));
            current.compareAndSet(loaded, rebuilt);
            return rebuilt.index();
        }
        return loaded.index();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    public void start() {
        reload();
        following = hub.follow(Streams.SYSTEM, CHANGED, this::reload);
    }

    @Override
    public void stop() {
        var current = following;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        var current = following;
        return current != null && !current.isDisposed();
    }

    /** One version of the deck; the per-country summary is computed once, when first asked for. */
    private final class Loaded {

        private final List<Rate> rows;

        private final PrefixIndex index;

        private volatile List<CountryRates> countries;

        Loaded(List<Rate> rows, PrefixIndex index) {
            this.rows = rows;
            this.index = index;
        }

        List<Rate> rows() {
            return rows;
        }

        PrefixIndex index() {
            return index;
        }

        List<CountryRates> countries() {
            if (countries == null) {
                countries = rows.stream().map(Rate::country).filter(java.util.Objects::nonNull).distinct()
                        .map(country -> CountryRates.of(country, RateDeck.this))
                        .filter(rates -> rates.landline().isPresent() || rates.mobile().isPresent())
                        .toList();
            }
            return countries;
        }
    }
}
