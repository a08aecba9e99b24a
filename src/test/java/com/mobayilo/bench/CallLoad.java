package com.mobayilo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.mobayilo.accounts.UserId;
import com.mobayilo.calls.CallProgress;
import com.mobayilo.calls.CallStatus;
import com.mobayilo.calls.Callers;
import com.mobayilo.calls.StatusReport;
import com.mobayilo.calls.Telephony;
import com.mobayilo.rating.CountryRates;
import com.mobayilo.rating.DestinationGuard;
import com.mobayilo.rating.DestinationPolicy;
import com.mobayilo.rating.NumberType;
import com.mobayilo.rating.PhoneNumber;
import com.mobayilo.rating.Policies;
import com.mobayilo.rating.RateDeck;
import com.mobayilo.rating.RatingRefusal;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import com.mobayilo.wallet.TransactionKind;
import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The people and numbers behind {@link VoiceWebhookBenchmark}'s calls: verified callers in DR Congo with credit and
 * a voice identity, and destinations across the rate deck, typed the ways people type them. Each request is a
 * distinct call, signed as Twilio signs it.
 */
public final class CallLoad {

    private static final CountryCode HOME = CountryCode.of("CD");

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

    private final TestApp app;

    private final Telephony telephony;

    private final List<String> identities;

    private final List<String> destinations;

    private CallLoad(TestApp app, List<String> identities, List<String> destinations) {
        this.app = app;
        this.telephony = new Telephony(app);
        this.identities = identities;
        this.destinations = destinations;
    }

    /** {@code count} callers with credit, under {@link #allowManyCalls(TestApp)}. */
    static CallLoad prepare(TestApp app, int count) {
        allowManyCalls(app);
        var callers = app.bean(DatabaseClient.class).sql("""
                        insert into users (id, email, full_name, home_country, locale, role, email_verified_at)
                        select gen_random_uuid(), 'bench-caller-' || i || '@example.com', 'Bench caller ' || i, 'CD', 'en', 'INDIVIDUAL', now()
                        from generate_series(1, :count) as i returning id""")
                .bind("count", count).map(row -> new UserId(row.get("id", UUID.class))).all().collectList().block();
        var ledger = app.bean(Ledger.class);
        var identities = Flux.fromIterable(callers)
                .flatMapSequential(caller -> ledger.walletOf(Owner.user(caller.value()))
                        .flatMap(wallet -> ledger.credit(wallet.id(), Money.cents(10_000_000),
                                JournalEntry.of(TransactionKind.TOP_UP, "BENCH", caller.toString(), "benchmark credit", UUID.randomUUID().toString())))
                        .then(app.bean(Callers.class).identityOf(caller)), 8)
                .collectList().block(Duration.ofMinutes(5));
        return new CallLoad(app, identities, destinations(app));
    }

    /**
     * An operator's policy under which one caller may have many calls at once and spend without a daily cap
     * (a benchmark caller stands for many people): every check still runs, and every call is accepted.
     */
    public static void allowManyCalls(TestApp app) {
        var operator = app.bean(DatabaseClient.class).sql("""
                        insert into users (id, email, full_name, home_country, role, email_verified_at)
                        values (gen_random_uuid(), 'bench-operator@example.com', 'Bench operator', 'CD', 'OPERATOR', now()) returning id""")
                .map(row -> new UserId(row.get("id", UUID.class))).one().block();
        app.bean(Policies.class).update(new DestinationPolicy(Money.cents(1_000_000_000), Money.cents(1_000_000_000), 7, 1_000), operator).block();
    }

    /** Writes {@code count} signed voice webhooks, one per line: signature, a tab, the form. */
    void writeRequests(Path file, int count) {
        var random = ThreadLocalRandom.current();
        var lines = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            var form = telephony.voiceForm(Telephony.newSid(), identities.get(random.nextInt(identities.size())),
                    destinations.get(random.nextInt(destinations.size())));
            lines.add(telephony.signature(Telephony.VOICE_PATH, form) + "\t" + Telephony.encoded(form));
        }
        try {
            Files.write(file, lines);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    int destinations() {
        return destinations.size();
    }

    /** Ends every live call as Twilio would report it, settling its hold; returns how many. */
    long endLiveCalls() {
        var progress = app.bean(CallProgress.class);
        return app.bean(DatabaseClient.class).sql("select call_sid from calls where status in ('INITIATED', 'RINGING', 'IN_PROGRESS')")
                .map(row -> row.get("call_sid", String.class)).all()
                .flatMap(sid -> progress.report(StatusReport.callback(Telephony.newSid(), sid, CallStatus.COMPLETED, "completed",
                        ThreadLocalRandom.current().nextInt(60))), 8)
                .count().block(Duration.ofMinutes(10));
    }

    /**
     * Numbers across the deck that a caller may dial: a few per country, mobile and landline, each typed in one
     * of the forms people use (E.164, spaced, with 00, or national for home numbers).
     */
    private static List<String> destinations(TestApp app) {
        var deck = app.bean(RateDeck.class);
        var guard = app.bean(DestinationGuard.class);
        var random = ThreadLocalRandom.current();
        var typed = new ArrayList<String>();
        for (var country : deck.countries().stream().map(CountryRates::country).toList()) {
            for (var type : List.of(NumberType.MOBILE, NumberType.FIXED_LINE)) {
                var example = PhoneNumber.example(country, type);
                for (int variant = 0; variant < 5 && example.isPresent(); variant++) {
                    var e164 = example.get().e164();
                    var candidate = e164.substring(0, e164.length() - 2) + String.format("%02d", random.nextInt(100));
                    try {
                        var number = PhoneNumber.parse(candidate, HOME);
                        deck.rateFor(number);
                        guard.checkDestination(number);
                        typed.add(typedAs(number, typed.size() % 4));
                    }
                    catch (RatingRefusal notDiallable) {
                        // a variant that is not a valid, rated, allowed number: leave it out
                    }
                }
            }
        }
        return typed;
    }

    private static String typedAs(PhoneNumber number, int form) {
        return switch (form) {
            case 0 -> number.e164();
            case 1 -> number.international();
            case 2 -> "00" + number.digits();
            default -> HOME.equals(number.country()) ? national(number) : number.e164();
        };
    }

    private static String national(PhoneNumber number) {
        try {
            return NUMBERS.format(NUMBERS.parse(number.e164(), "ZZ"), PhoneNumberFormat.NATIONAL);
        }
        catch (com.google.i18n.phonenumbers.NumberParseException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
