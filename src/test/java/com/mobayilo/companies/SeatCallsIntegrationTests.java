package com.mobayilo.companies;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import com.mobayilo.accounts.User;
import com.mobayilo.calls.Telephony;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.LedgerCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Seats call on their company's wallet through the real signed voice webhook: their caps, country list,
 * concurrency and standing are enforced with a reason each, and parallel seats never overdraw the wallet.
 */
class SeatCallsIntegrationTests {

    private static final String DR_CONGO_MOBILE = "+243812345678";

    private static TestApp app;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        // room in the pool for twenty call starts waiting on one wallet at once, beside the background jobs
        app = TestApp.start("--spring.r2dbc.pool.max-size=40");
        phone = new Telephony(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void ledgerStaysConsistent() {
        var report = app.bean(LedgerCheck.class).run().block();
        assertThat(report.isConsistent()).as(report.toString()).isTrue();
    }

    @Test
    void aSeatsCallHoldsAndChargesTheCompanyWallet() {
        var company = TestCompany.create(app, 1_000);
        var seat = company.seat(SeatSettings.UNCAPPED);
        var sid = Telephony.newSid();
        assertThat(phone.voice(sid, seat, DR_CONGO_MOBILE).body()).contains("<Dial");
        // the platform's $5 daily cap for new accounts bounds the hold: 22 minutes at 22 cents
        assertThat(company.balance().held()).isEqualTo(Money.cents(22 * 22));
        complete(sid, 61);
        assertThat(company.balance().balance()).isEqualTo(Money.cents(1_000 - 44));
        assertThat(company.balance().held()).isEqualTo(Money.ZERO);
        assertThat(companyOfCall(sid)).isEqualTo(company.id().value().toString());
    }

    @Test
    void aSeatsDailyCapLimitsTheHoldThenRefusesWithItsReason() {
        var company = TestCompany.create(app, 5_000);
        var seat = company.seat(settings(Optional.of(30L), Optional.empty(), Set.of(), 1));
        var first = Telephony.newSid();
        assertThat(phone.voice(first, seat, DR_CONGO_MOBILE).body()).contains("<Dial");
        assertThat(heldMinutes(first)).as("30 cents left today buy one 22-cent minute").isEqualTo(1);
        complete(first, 30);
        var second = Telephony.newSid();
        var refusal = phone.voice(second, seat, DR_CONGO_MOBILE);
        assertThat(refusal.body()).contains("daily spending limit").doesNotContain("<Dial");
        assertThat(refusalOf(second)).isEqualTo("SEAT_DAILY_CAP_REACHED");
    }

    @Test
    void aSeatsMonthlyCapRefusesOnceSpent() {
        var company = TestCompany.create(app, 5_000);
        var seat = company.seat(settings(Optional.empty(), Optional.of(40L), Set.of(), 1));
        var first = Telephony.newSid();
        phone.voice(first, seat, DR_CONGO_MOBILE);
        complete(first, 20);
        var second = Telephony.newSid();
        assertThat(phone.voice(second, seat, DR_CONGO_MOBILE).body()).contains("monthly spending limit");
        assertThat(refusalOf(second)).isEqualTo("SEAT_MONTHLY_CAP_REACHED");
    }

    @Test
    void aSeatMayCallOnlyTheCountriesItsAdminAllowed() {
        var company = TestCompany.create(app, 5_000);
        var seat = company.seat(settings(Optional.empty(), Optional.empty(), Set.of("FR"), 1));
        var congo = Telephony.newSid();
        assertThat(phone.voice(congo, seat, DR_CONGO_MOBILE).body()).contains("does not allow your seat to call this country");
        assertThat(refusalOf(congo)).isEqualTo("COUNTRY_NOT_ALLOWED");
        var france = Telephony.newSid();
        assertThat(phone.voice(france, seat, "+33612345678").body()).contains("<Dial");
        complete(france, 0);
    }

    @Test
    void aSeatGetsNoMoreCallsAtOnceThanItsLimit() {
        var company = TestCompany.create(app, 5_000);
        var seat = company.seat(settings(Optional.empty(), Optional.empty(), Set.of(), 1));
        var first = Telephony.newSid();
        phone.voice(first, seat, DR_CONGO_MOBILE);
        var second = Telephony.newSid();
        assertThat(phone.voice(second, seat, DR_CONGO_MOBILE).body()).doesNotContain("<Dial");
        assertThat(refusalOf(second)).isEqualTo("SEAT_TOO_MANY_CALLS");
        complete(first, 5);
    }

    @Test
    void aDisabledSeatsCallsAreRefused() {
        var company = TestCompany.create(app, 5_000);
        var seat = company.seat(SeatSettings.UNCAPPED);
        app.bean(SeatAdministration.class).disable(company.adminPrincipal(), company.seatOf(seat)).block();
        var sid = Telephony.newSid();
        assertThat(phone.voice(sid, seat, DR_CONGO_MOBILE).body()).contains("Your seat is disabled");
        assertThat(refusalOf(sid)).isEqualTo("SEAT_DISABLED");
        assertThat(company.balance().held()).isEqualTo(Money.ZERO);
    }

    @Test
    void twentySeatsCallingAtOnceNeverOverdrawASmallCompanyWallet() throws Exception {
        var company = TestCompany.create(app, 200);
        var seats = new ArrayList<User>();
        for (var i = 0; i < 20; i++) {
            seats.add(company.seat(SeatSettings.UNCAPPED));
        }
        var sids = seats.stream().map(seat -> Telephony.newSid()).toList();
        try (var pool = Executors.newFixedThreadPool(20)) {
            var answers = new ArrayList<CompletableFuture<String>>();
            for (var i = 0; i < seats.size(); i++) {
                var seat = seats.get(i);
                var sid = sids.get(i);
                answers.add(CompletableFuture.supplyAsync(() -> phone.voice(sid, seat, DR_CONGO_MOBILE).body(), pool));
            }
            var connected = answers.stream().map(CompletableFuture::join).filter(body -> body.contains("<Dial")).count();
            // 200 cents hold nine 22-cent minutes in all, and an uncapped seat may hold all nine (its day's cap allows 22)
            assertThat(connected).isEqualTo(1L);
        }
        var balance = company.balance();
        assertThat(balance.held()).isEqualTo(Money.cents(9 * 22));
        assertThat(refusalsOf(sids)).containsOnly("INSUFFICIENT_CREDIT").hasSize(19);
        sids.forEach(sid -> complete(sid, 600));
        var settled = company.balance();
        assertThat(settled.balance().isNegative()).isFalse();
        assertThat(settled.held()).isEqualTo(Money.ZERO);
        assertThat(settled.balance().cents()).isEqualTo(200 - chargedFor(sids));
    }

    @Test
    void twentySeatsCallingAtOnceOnAWalletForTwelveMinutesHoldEveryMinuteOfIt() throws Exception {
        var company = TestCompany.create(app, 12 * 22);
        var seats = new ArrayList<User>();
        for (var i = 0; i < 20; i++) {
            // each seat may spend five minutes a day: the first two calls get five minutes each, the third the last two
            seats.add(company.seat(settings(Optional.of(5L * 22), Optional.empty(), Set.of(), 1)));
        }
        var sids = seats.stream().map(seat -> Telephony.newSid()).toList();
        try (var pool = Executors.newFixedThreadPool(20); var otherClient = app.jdbc(); var watcher = app.jdbc()) {
            // another client changes the wallet while the calls start, as another seat's hold would: all twenty
            // starts reach the wallet and wait for its row, with whatever they read before
            otherClient.setAutoCommit(false);
            otherClient.createStatement().execute("select 1 from wallets where id = '" + company.walletId() + "' for update");
            var answers = new ArrayList<CompletableFuture<String>>();
            for (var i = 0; i < seats.size(); i++) {
                var seat = seats.get(i);
                var sid = sids.get(i);
                answers.add(CompletableFuture.supplyAsync(() -> phone.voice(sid, seat, DR_CONGO_MOBILE).body(), pool));
            }
            // the watcher reads pg_stat_activity outside any transaction: inside one, PostgreSQL keeps showing the first read
            await().atMost(Duration.ofSeconds(60)).alias("twenty starts waiting for the wallet")
                    .until(() -> startsWaitingForTheWallet(watcher) >= seats.size());
            otherClient.rollback();
            answers.forEach(CompletableFuture::join);
        }
        var balance = company.balance();
        assertThat(balance.held()).as("no call is refused while a minute is left").isEqualTo(Money.cents(12 * 22));
        assertThat(balance.held()).isLessThanOrEqualTo(balance.balance());
        assertThat(heldMinutesOf(sids)).containsExactlyInAnyOrder(5, 5, 2);
        assertThat(refusalsOf(sids)).containsOnly("INSUFFICIENT_CREDIT").hasSize(17);
        sids.forEach(sid -> complete(sid, 30));
        var settled = company.balance();
        assertThat(settled.held()).isEqualTo(Money.ZERO);
        assertThat(settled.balance()).isEqualTo(Money.cents(12 * 22 - 3 * 22));
    }

    private static long startsWaitingForTheWallet(Connection client) throws SQLException {
        try (var result = client.createStatement().executeQuery(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database() and query like '%wallets%'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<Integer> heldMinutesOf(List<String> sids) {
        return app.bean(DatabaseClient.class).sql("select held_minutes from calls where call_sid = any(:sids) and status <> 'REFUSED'")
                .bind("sids", sids.toArray(String[]::new)).map(row -> row.get(0, Integer.class)).all().collectList().block();
    }

    private static List<String> refusalsOf(List<String> sids) {
        return app.bean(DatabaseClient.class).sql("select refusal from calls where call_sid = any(:sids) and status = 'REFUSED'")
                .bind("sids", sids.toArray(String[]::new)).map(row -> row.get(0, String.class)).all().collectList().block();
    }

    private static SeatSettings settings(Optional<Long> dailyCents, Optional<Long> monthlyCents, Set<String> countries, int concurrent) {
        return new SeatSettings(dailyCents.map(Money::cents), monthlyCents.map(Money::cents),
                countries.stream().map(CountryCode::of).collect(java.util.stream.Collectors.toSet()), concurrent, Optional.empty());
    }

    private static void complete(String sid, int seconds) {
        phone.status(sid, "CH" + sid.substring(2), seconds > 0 ? "completed" : "no-answer", seconds);
    }

    private static int heldMinutes(String sid) {
        return column(sid, "held_minutes", Integer.class);
    }

    private static String refusalOf(String sid) {
        return column(sid, "refusal", String.class);
    }

    private static String companyOfCall(String sid) {
        return column(sid, "company_id::text", String.class);
    }

    private static long chargedFor(List<String> sids) {
        return app.bean(DatabaseClient.class).sql("select coalesce(sum(cost_cents), 0) as total from calls where call_sid = any(:sids)")
                .bind("sids", sids.toArray(String[]::new)).map(row -> ((Number) row.get("total")).longValue()).one().block();
    }

    private static <T> T column(String sid, String column, Class<T> type) {
        return app.bean(DatabaseClient.class).sql("select " + column + " as value from calls where call_sid = :sid").bind("sid", sid)
                .map(row -> row.get("value", type)).one().block();
    }
}
