package com.mobayilo.companies;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.Role;
import com.mobayilo.accounts.SignUp;
import com.mobayilo.accounts.User;
import com.mobayilo.calls.CallPeriod;
import com.mobayilo.calls.Telephony;
import com.mobayilo.companies.CompanyReports.Usage;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import com.mobayilo.wallet.TransactionKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A company's usage reports on the real database, calls placed through signed webhooks: its own calls only. */
class CompanyReportsIntegrationTests {

    private static final String CONGO = "+243812345678";

    private static TestApp app;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
        phone = new Telephony(app);
    }

    @Test
    void usageAddsUpByMemberDayAndDestinationWithNumbersMasked() {
        var company = company(10_000);
        var ana = seat(company, "Ana Lima");
        var ben = seat(company, "Ben Okafor");
        call(ana, "completed", 61);
        call(ana, "completed", 61);
        call(ben, "completed", 121);
        call(ben, "no-answer", null);
        var reports = app.bean(CompanyReports.class);
        var thisMonth = CallPeriod.of(LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1), null, ZoneOffset.UTC);

        assertThat(reports.bySeat(company, thisMonth).block()).extracting(CompanyReports.SeatUsage::name, CompanyReports.SeatUsage::usage)
                .containsExactly(tuple("Ana Lima", new Usage(2, 2, 4, Money.cents(88))), tuple("Ben Okafor", new Usage(2, 1, 3, Money.cents(66))));
        assertThat(reports.byDay(company, thisMonth, ZoneOffset.UTC).block()).extracting(CompanyReports.DayUsage::day, CompanyReports.DayUsage::usage)
                .containsExactly(tuple(LocalDate.now(ZoneOffset.UTC), new Usage(4, 3, 7, Money.cents(154))));
        assertThat(reports.byCountry(company, thisMonth).block()).extracting(CompanyReports.CountryUsage::country, CompanyReports.CountryUsage::usage)
                .containsExactly(tuple(java.util.Optional.of(CountryCode.of("CD")), new Usage(4, 3, 7, Money.cents(154))));
        assertThat(reports.calls(company, thisMonth).collectList().block())
                .extracting(CompanyReports.ReportCall::maskedNumber)
                .as("numbers masked as on the dashboard").containsExactly("+243 ••• ••5 678", "+243 ••• ••5 678", "+243 ••• ••5 678", "+243 ••• ••5 678");
    }

    @Test
    void anotherCompanysCallsNeverAppear() {
        var ours = company(10_000);
        var theirs = company(10_000);
        call(seat(theirs, "Zed Stranger"), "completed", 61);
        var reports = app.bean(CompanyReports.class);
        var all = CallPeriod.ALL;
        assertThat(reports.bySeat(ours, all).block()).isEmpty();
        assertThat(reports.byDay(ours, all, ZoneOffset.UTC).block()).isEmpty();
        assertThat(reports.byCountry(ours, all).block()).isEmpty();
        assertThat(reports.calls(ours, all).collectList().block()).isEmpty();
        assertThat(reports.bySeat(theirs, all).block()).extracting(CompanyReports.SeatUsage::name).containsExactly("Zed Stranger");
    }

    /** A company whose wallet holds {@code creditCents}. */
    private static CompanyId company(long creditCents) {
        var admin = app.bean(CompanySignUps.class)
                .signUp("Report Test " + UUID.randomUUID(), new SignUp(TestUsers.email(), "Amara Admin", TestUsers.PASSWORD, "US", Locale.ENGLISH))
                .block();
        var company = new CompanyId(admin.companyId());
        var ledger = app.bean(Ledger.class);
        var wallet = ledger.walletOf(Owner.company(company.value())).block();
        ledger.credit(wallet.id(), Money.cents(creditCents), JournalEntry.of(TransactionKind.TOP_UP, "TEST", UUID.randomUUID().toString(),
                "test credit", UUID.randomUUID().toString())).block();
        return company;
    }

    /** An active, verified seat without caps. */
    private static User seat(CompanyId company, String name) {
        var email = TestUsers.email();
        var user = app.bean(Registration.class).registerInvited(company.value(), Role.SEAT, email, name, CountryCode.of("US"), Locale.ENGLISH)
                .block();
        app.bean(Seats.class).insert(Seat.invited(user.id(), company, name, email, Role.SEAT, SeatSettings.UNCAPPED,
                app.bean(Clock.class).instant()).signedIn(), null).block();
        app.bean(DatabaseClient.class).sql("update users set email_verified_at = now() where id = :id").bind("id", user.id().value()).then().block();
        return user;
    }

    /** A call to the DR Congo (22 credits a minute) that ends as {@code status} after {@code seconds}. */
    private static void call(User seat, String status, Integer seconds) {
        var sid = Telephony.newSid();
        assertThat(phone.voice(sid, seat, CONGO).statusCode()).isEqualTo(200);
        phone.status(sid, Telephony.newSid(), status, seconds);
    }
}
