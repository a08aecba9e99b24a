package com.mobayilo.rating;

import java.io.StringReader;
import java.time.Duration;
import java.util.UUID;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.Users;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static com.mobayilo.testing.Http.get;
import static com.mobayilo.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The deck in PostgreSQL and in every instance's memory, the rates API, and the operator's blocked list. */
class RatingIntegrationTests {

    private static TestApp app;

    private static DeckUpload sample;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        sample = DeckCsv.parse(new StringReader(String.join("\n", DeckCsv.HEADER) + "\n"
                + app.bean(RateDeck.class).rows().stream().map(RatingIntegrationTests::line).reduce("", (a, b) -> a + b + "\n")), lines -> { });
    }

    @AfterEach
    void restoreTheSampleDeck() {
        app.bean(DeckImports.class).apply(sample, null).block();
    }

    @Test
    void theSandboxStartsWithTheSampleDeck() {
        var deck = app.bean(RateDeck.class);
        assertThat(deck.size()).isGreaterThan(1000);
        assertThat(deck.rateFor(PhoneNumber.parse("+243 81 234 5678", null)).description()).isEqualTo("Congo DR — Mobile");
    }

    @Test
    void anAppliedDeckIsUsedAtOnceAndAuditedWithItsOperator() {
        var operator = app.bean(Users.class).findByEmail(EmailAddress.of("ops@mobayilo.test")).block();
        var upload = parse("""
                prefix,country,description,rate_per_minute_cents,effective_from
                243,CD,Congo DR — everything,30,
                """);
        var changes = app.bean(DeckImports.class).apply(upload, operator.id()).block();
        assertThat(changes.added()).isEmpty();
        assertThat(app.bean(RateDeck.class).rateFor(PhoneNumber.parse("+243 81 234 5678", null)).perMinute()).isEqualTo(Money.cents(30));
        assertThatThrownBy(() -> app.bean(RateDeck.class).rateFor(PhoneNumber.parse("+33 6 12 34 56 78", null))).isInstanceOf(NoRate.class);
        assertThat(app.bean(PolicyChanges.class).recent(5).blockFirst().operator()).contains("ops@mobayilo.test");
    }

    @Test
    void aDeckWithBadLinesChangesNothing() {
        var before = app.bean(RateDeck.class).rows();
        var upload = parse("""
                prefix,country,description,rate_per_minute_cents,effective_from
                243,CD,Congo DR,30,
                33,FR,France,-2,
                """);
        assertThat(upload.errors()).extracting(LineError::line).containsExactly(3);
        assertThatThrownBy(() -> app.bean(DeckImports.class).apply(upload, null)).isInstanceOf(InvalidDeck.class);
        assertThat(app.bean(RateDeck.class).rows()).isEqualTo(before);
        assertThat(app.bean(DatabaseClient.class).sql("select count(*) from rate_deck").map(row -> row.get(0, Long.class)).one().block())
                .isEqualTo(before.size());
    }

    @Test
    void aFiftyThousandRowDeckImports() {
        var csv = new StringBuilder(DeckCsv.HEADER).append('\n');
        for (int i = 0; i < 50_000; i++) {
            csv.append("2438").append("%05d".formatted(i)).append(",CD,Test destination ").append(i).append(',').append(1 + i % 90).append(",\n");
        }
        var started = System.nanoTime();
        var upload = DeckCsv.parse(new StringReader(csv.toString()), lines -> { });
        app.bean(DeckImports.class).apply(upload, null).block(Duration.ofMinutes(1));
        assertThat(app.bean(RateDeck.class).size()).isEqualTo(50_000);
        assertThat(app.bean(RateDeck.class).rateFor(PhoneNumber.parse("+243 800 012 345", null)).prefix()).isEqualTo("243800012");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aDeckAppliedOnOneInstanceReachesAnother() {
        try (var second = app.another()) {
            app.bean(DeckImports.class).apply(parse("""
                    prefix,country,description,rate_per_minute_cents,effective_from
                    243,CD,Congo DR — promotion,7,
                    """), null).block();
            await().atMost(Duration.ofSeconds(10)).until(() -> second.bean(RateDeck.class).rows().size() == 1);
            assertThat(second.bean(RateDeck.class).rateFor(PhoneNumber.parse("+243 81 234 5678", null)).perMinute()).isEqualTo(Money.cents(7));
        }
    }

    @Test
    void theRatesApiAnswersAnybodyAndCountsMinutesForACaller() {
        var anonymous = json(get(app.coreUrl() + "/api/v1/rates?number=081%20234%205678&country=CD"));
        assertThat(anonymous.get("e164").asString()).isEqualTo("+243812345678");
        assertThat(anonymous.get("country").asString()).isEqualTo("CD");
        assertThat(anonymous.get("type").asString()).isEqualTo("MOBILE");
        assertThat(anonymous.get("ratePerMinuteCents").asLong()).isEqualTo(22);
        assertThat(anonymous.has("maxMinutes")).isFalse();

        var user = TestUsers.individual(app, "fr-FR");
        var key = app.bean(ApiKeys.class).create(user.id(), "rates").block().secret();
        var walletOwner = com.mobayilo.wallet.Owner.user(user.id().value());
        var ledger = app.bean(com.mobayilo.wallet.Ledger.class);
        ledger.credit(ledger.walletOf(walletOwner).block().id(), Money.cents(500), com.mobayilo.wallet.JournalEntry.of(
                com.mobayilo.wallet.TransactionKind.PROMOTION, "TEST", "rates", "credit", UUID.randomUUID().toString())).block();
        var signedIn = json(get(app.coreUrl() + "/api/v1/rates?number=081%20234%205678", "Authorization", "Bearer " + key));
        assertThat(signedIn.get("maxMinutes").asLong()).isEqualTo(22);
    }

    /**
     * Issue 17: the dialer's minutes count the caps, and the API must promise the same. A new account with $10 of
     * credit buys 45 minutes at 22 credits, but new accounts may spend $5.00 a day: 22 minutes, what the voice
     * webhook would hold.
     */
    @Test
    void theRatesApiPromisesTheMinutesTheDailyCapAllowsNotOnlyWhatTheCreditBuys() {
        var user = TestUsers.individual(app, "en-US");
        var key = app.bean(ApiKeys.class).create(user.id(), "rates").block().secret();
        var ledger = app.bean(com.mobayilo.wallet.Ledger.class);
        ledger.credit(ledger.walletOf(com.mobayilo.wallet.Owner.user(user.id().value())).block().id(), Money.cents(1000),
                com.mobayilo.wallet.JournalEntry.of(com.mobayilo.wallet.TransactionKind.PROMOTION, "TEST", "rates", "credit",
                        UUID.randomUUID().toString())).block();
        var signedIn = json(get(app.coreUrl() + "/api/v1/rates?number=%2B243%2081%20234%205678", "Authorization", "Bearer " + key));
        assertThat(signedIn.get("maxMinutes").asLong()).isEqualTo(22);
    }

    @Test
    void aBadNumberIsAProblemDetailThatSaysWhyInTheCallersLanguage() {
        var french = get(app.coreUrl() + "/api/v1/rates?number=%2B243%2081", "Accept-Language", "fr");
        assertThat(french.statusCode()).isEqualTo(400);
        assertThat(french.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(french).get("detail").asString()).isEqualTo("Ce numéro est trop court : il manque un chiffre.");
        var english = get(app.coreUrl() + "/api/v1/rates?number=%2B999123456", "Accept-Language", "en");
        assertThat(json(english).get("detail").asString()).contains("country code does not exist");
    }

    @Test
    void aBlockedDestinationIsRatedButMarkedNotCallable() {
        var premium = json(get(app.coreUrl() + "/api/v1/rates?number=%2B33899123456"));
        assertThat(premium.get("callable").asBoolean()).isFalse();
        assertThat(premium.get("blockedReason").asString()).isEqualTo("PREMIUM_RATE");
    }

    @Test
    void aPrefixTheOperatorBlocksIsRefusedByTheGuardWithItsReason() {
        var operator = app.bean(Users.class).findByEmail(EmailAddress.of("ops@mobayilo.test")).block();
        var policies = app.bean(Policies.class);
        policies.block("+2399", "IRSF range seen in fraud reports", operator.id()).block();
        try {
            var attempt = new CallAttempt(PhoneNumber.parse("+239 9912 345", null), true, java.time.Instant.EPOCH, 0, Money.ZERO);
            assertThatThrownBy(() -> app.bean(DestinationGuard.class).check(attempt))
                    .isInstanceOfSatisfying(DestinationBlocked.class, refusal -> assertThat(refusal.reason()).isEqualTo(DestinationBlocked.Reason.HIGH_RISK_DESTINATION));
            assertThat(app.bean(PolicyChanges.class).recent(1).blockFirst().change().text()).isEqualTo("Blocked +2399: IRSF range seen in fraud reports");
        }
        finally {
            policies.unblock("2399", operator.id()).block();
        }
    }

    @Test
    void policyChangesReachTheGuard() {
        var operator = app.bean(Users.class).findByEmail(EmailAddress.of("ops@mobayilo.test")).block();
        var policies = app.bean(Policies.class);
        var before = policies.current();
        policies.update(new DestinationPolicy(Money.cents(3000), Money.cents(300), 3, 2), operator.id()).block();
        try {
            assertThat(policies.current().maxConcurrentCalls()).isEqualTo(2);
            assertThatThrownBy(() -> new DestinationPolicy(Money.cents(-1), Money.ZERO, 0, 1)).isInstanceOf(InvalidPolicy.class);
        }
        finally {
            policies.update(before, operator.id()).block();
        }
    }

    private static DeckUpload parse(String csv) {
        var upload = DeckCsv.parse(new StringReader(csv), lines -> { });
        return upload;
    }

    private static String line(Rate rate) {
        var out = new java.io.StringWriter();
        try {
            DeckCsv.write(java.util.List.of(rate), out);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return out.toString().lines().skip(1).findFirst().orElseThrow();
    }

}
