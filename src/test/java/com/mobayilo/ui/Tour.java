package com.mobayilo.ui;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import com.microsoft.playwright.Page;
import com.mobayilo.accounts.User;
import com.mobayilo.calls.Telephony;
import com.mobayilo.companies.SeatSettings;
import com.mobayilo.companies.SeatSignIn;
import com.mobayilo.companies.TestCompany;
import com.mobayilo.payments.TopUpId;
import com.mobayilo.payments.TopUpStarts;
import com.mobayilo.payments.sandbox.CardDetails;
import com.mobayilo.payments.sandbox.SandboxCheckouts;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Texts;
import com.mobayilo.testing.Visitor;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Every view of Mobayilo, opened by the kind of person who may see it, with enough data behind it (a call, a
 * paid top-up, a seat) that it shows more than its empty state: the walk the accessibility and French tests
 * share (docs/decisions/0028-checking-accessibility-and-french.md).
 */
final class Tour {

    enum Screen {
        DESKTOP, PHONE
    }

    enum Person {
        VISITOR, INDIVIDUAL, COMPANY_ADMIN, SEAT, OPERATOR
    }

    /** One view on the walk: a name for messages and screenshots, and its path. */
    record Stop(String name, String path) {
    }

    private final TestApp app;

    private final Browser browser;

    Tour(TestApp app, Browser browser) {
        this.app = app;
        this.browser = browser;
    }

    /** A signed-in (or, for a visitor, anonymous) browser of this person, with their data made first. */
    Walk start(Person person, String language, Screen screen) {
        var visitor = screen == Screen.PHONE ? Visitor.onPhone(browser, app, language) : Visitor.of(browser, app, language);
        return switch (person) {
            case VISITOR -> new Walk(visitor, List.of(new Stop("sign-in", "login"), new Stop("sign-up", "signup"),
                    new Stop("forgot-password", "forgot-password"), new Stop("company-sign-up", "signup/company"),
                    new Stop("seat-link-request", "signin-link/request"), new Stop("rates-visitor", "rates"),
                    new Stop("not-found", "no-such-page"), new Stop("receipt-not-found", "receipts/not-an-id")));
            case INDIVIDUAL -> individual(visitor, language);
            case COMPANY_ADMIN -> companyAdmin(visitor);
            case SEAT -> seat(visitor);
            case OPERATOR -> new Walk(visitor.signIn("ops@mobayilo.test", "ops-password-1"), List.of(
                    new Stop("operator-companies", "operator/companies"), new Stop("operator-wallets", "operator/wallets"),
                    new Stop("operator-payments", "operator/payments"), new Stop("operator-deck", "operator/rates"),
                    new Stop("operator-policy", "operator/policy"), new Stop("operator-settings", "settings")));
        };
    }

    /** A person with credit, one finished call and one paid top-up: every individual view has something to show. */
    private Walk individual(Visitor visitor, String language) {
        var person = TestUsers.individual(app, language);
        verify(person);
        var topUp = paidTopUp(person);
        var phone = new Telephony(app);
        var sid = Telephony.newSid();
        phone.voice(sid, person, "+243812345678");
        phone.status(sid, Telephony.newSid(), "completed", 61);
        visitor.signIn(person.email().value(), TestUsers.PASSWORD);
        return new Walk(visitor, List.of(new Stop("dialer", "call"), new Stop("wallet", "wallet"), new Stop("call-history", "calls"),
                new Stop("top-up-done", "wallet/top-up/" + topUp), new Stop("receipt", "receipts/" + topUp),
                new Stop("settings", "settings"), new Stop("caller-id", "caller-id"), new Stop("rates", "rates")));
    }

    private Walk companyAdmin(Visitor visitor) {
        var company = TestCompany.create(app, 5_000);
        company.seat(SeatSettings.UNCAPPED);
        visitor.signIn(company.admin().email().value(), TestUsers.PASSWORD);
        return new Walk(visitor, List.of(new Stop("company-dashboard", "company"), new Stop("company-reports", "company/reports"),
                new Stop("company-seats", "company/seats"), new Stop("company-wallet", "wallet"), new Stop("company-dialer", "call")));
    }

    /** A seat signs in as seats do, by the link mailed to them. */
    private Walk seat(Visitor visitor) {
        var company = TestCompany.create(app, 5_000);
        var seat = company.seat(SeatSettings.UNCAPPED);
        app.bean(SeatSignIn.class).requestLink(seat.email().value(), "127.0.0.1").block();
        visitor.page().navigate(app.linkMailedTo(seat.email().value(), Texts.of("en").t("mail.signInLink.subject")));
        visitor.page().locator("#signin-link-continue").click();
        visitor.page().waitForURL(url -> url.contains("/call"));
        return new Walk(visitor, List.of(new Stop("seat-dialer", "call"), new Stop("seat-history", "calls"), new Stop("seat-settings", "settings")));
    }

    private TopUpId paidTopUp(User payer) {
        var wallet = app.bean(Ledger.class).walletOf(Owner.user(payer.id().value())).block().id();
        var started = app.bean(TopUpStarts.class).start(payer, wallet, Money.cents(1_000), Locale.ENGLISH).block();
        var checkouts = app.bean(SandboxCheckouts.class);
        var session = checkouts.session(lastSegment(started.checkoutUrl())).orElseThrow();
        checkouts.pay(session, new CardDetails("4242424242424242", YearMonth.now().plusYears(2), "123", "Amani Kabila")).block();
        return started.topUp();
    }

    private void verify(User user) {
        app.bean(DatabaseClient.class).sql("update users set email_verified_at = now() where id = :id").bind("id", user.id().value()).then().block();
    }

    private static String lastSegment(URI uri) {
        var path = uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A person's browser and the views they walk through. */
    record Walk(Visitor visitor, List<Stop> stops) {

        Page page() {
            return visitor.page();
        }

        /** Opens the stop and waits until Vaadin has drawn it and has no request left in flight. */
        void open(Stop stop) {
            visitor.open(stop.path());
            settle(page());
        }
    }

    /** Waits until the Vaadin client is bootstrapped, idle, and has drawn a page (a layout or a public page). */
    static void settle(Page page) {
        page.waitForFunction("""
                () => {
                  const flow = window.Vaadin && window.Vaadin.Flow;
                  if (!flow || !flow.clients) return false;
                  const clients = Object.values(flow.clients).filter(c => typeof c.isActive === 'function');
                  return clients.length > 0 && clients.every(c => !c.isActive())
                      && document.querySelector('vaadin-app-layout, .public-page, main') !== null;
                }""");
    }
}
