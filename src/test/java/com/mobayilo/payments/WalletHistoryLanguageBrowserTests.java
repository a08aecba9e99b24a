package com.mobayilo.payments;

import java.util.Locale;
import java.util.regex.Pattern;

import com.mobayilo.calls.Telephony;
import com.mobayilo.payments.Checkout.Payment;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A French reader sees the wallet's memos in French (issue 16, point 4): a top-up credited by Stripe's signed
 * webhook, a call charged by Twilio's signed status callback, and the hold of a call still going.
 */
class WalletHistoryLanguageBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    private static Checkout checkout;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
        checkout = new Checkout(app);
        phone = new Telephony(app);
    }

    @Test
    void aFrenchReaderSeesTheTopUpTheCallChargeAndTheHoldInFrench() {
        var caller = phone.caller(0);
        var payment = Payment.of(checkout.started(caller, 1_000));
        assertThat(checkout.deliver(payment.completed("paid")).statusCode()).isEqualTo(200);
        var ended = Telephony.newSid();
        phone.voice(ended, caller, "+243812345678");
        phone.status(ended, Telephony.newSid(), "completed", 60);
        var live = Telephony.newSid();
        phone.voice(live, caller, "+243812345678");

        var reader = Visitor.of(browser, app, "fr-FR").signIn(caller.email().value(), TestUsers.PASSWORD).open("wallet");
        var history = reader.page().locator("vaadin-grid").last();
        assertThat(history.getByText("Recharge de " + Money.cents(1_000).format(Locale.FRENCH))).isVisible();
        assertThat(history.getByText(Pattern.compile("^Appel vers \\+243.* : 1 min × 22 crédits$"))).isVisible();
        assertThat(reader.page().locator("vaadin-grid").first().getByText(Pattern.compile("^Appel vers \\+243"))).isVisible();
        Browser.screenshot(reader.page(), "wallet-history-fr");
        phone.status(live, Telephony.newSid(), "completed", 30);
    }
}
