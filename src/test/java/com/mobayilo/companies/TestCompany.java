package com.mobayilo.companies;

import java.util.Locale;
import java.util.UUID;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.Role;
import com.mobayilo.accounts.SignUp;
import com.mobayilo.accounts.User;
import com.mobayilo.accounts.Users;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.wallet.Balance;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import com.mobayilo.wallet.TransactionKind;
import com.mobayilo.wallet.WalletId;

import org.springframework.r2dbc.core.DatabaseClient;

/** A company made through the real sign-up and invitations, with credit on its wallet, for tests. */
public record TestCompany(TestApp app, CompanyId id, User admin) {

    public static TestCompany create(TestApp app, long creditCents) {
        var email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var admin = app.bean(CompanySignUps.class).signUp("Company " + email.substring(6, 14),
                new SignUp(email, "Ada Admin", TestUsers.PASSWORD, "CD", Locale.ENGLISH)).block();
        verify(app, admin);
        var company = new TestCompany(app, new CompanyId(admin.companyId()), app.bean(Users.class).findById(admin.id()).block());
        if (creditCents > 0) {
            company.credit(creditCents);
        }
        return company;
    }

    public AccountPrincipal adminPrincipal() {
        return AccountPrincipal.of(admin);
    }

    /** Invites a seat with these settings and marks its email verified, as its first link sign-in would. */
    public User seat(SeatSettings settings) {
        var email = "seat-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var seat = app.bean(SeatInvitations.class).invite(adminPrincipal(), email, "Sam Seat", Role.SEAT, settings, Locale.ENGLISH).block();
        app.bean(DatabaseClient.class).sql("update seats set status = 'ACTIVE' where user_id = :id").bind("id", seat.user().value()).then().block();
        var user = app.bean(Users.class).findById(seat.user()).block();
        verify(app, user);
        return app.bean(Users.class).findById(seat.user()).block();
    }

    public Seat seatOf(User user) {
        return app.bean(Seats.class).find(user.id()).block();
    }

    public void credit(long cents) {
        var ledger = app.bean(Ledger.class);
        var wallet = ledger.walletOf(Owner.company(id.value())).block();
        ledger.credit(wallet.id(), Money.cents(cents),
                JournalEntry.of(TransactionKind.TOP_UP, "TEST", UUID.randomUUID().toString(), "test credit", UUID.randomUUID().toString())).block();
    }

    public WalletId walletId() {
        return app.bean(Ledger.class).walletOf(Owner.company(id.value())).block().id();
    }

    public Balance balance() {
        var ledger = app.bean(Ledger.class);
        return ledger.balance(ledger.walletOf(Owner.company(id.value())).block().id()).block();
    }

    private static void verify(TestApp app, User user) {
        app.bean(DatabaseClient.class).sql("update users set email_verified_at = now() where id = :id").bind("id", user.id().value()).then().block();
    }
}
