package com.mobayilo.payments;

import java.time.Duration;
import java.util.UUID;

import com.mobayilo.payments.Checkout.Payment;
import com.mobayilo.payments.stripe.StripeJson;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.Visitor;
import com.mobayilo.wallet.Memo;
import com.mobayilo.wallet.Ledger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** What operators see of payments taken back: the ones asked back beyond what they paid, and wallets that owe. */
class OperatorPaymentsBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    private static Checkout checkout;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
        checkout = new Checkout(app);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void aChargebackAfterSpendingShowsTheDebtAndTheExcessIsListedForReview(String language) {
        var payer = checkout.payer();
        var payment = Payment.of(checkout.started(payer, 1_000));
        assertThat(checkout.deliver(payment.completed("paid")).statusCode()).isEqualTo(200);
        var ledger = app.bean(Ledger.class);
        var key = UUID.randomUUID().toString();
        var hold = ledger.hold(checkout.walletOf(payer), Money.cents(320), Memo.text("Call"), key, Duration.ofMinutes(5), key).block();
        ledger.capture(hold.id(), Money.cents(320), Memo.text("Call")).block();
        assertThat(checkout.deliver(payment.refunded(50_000)).statusCode()).isEqualTo(200);
        assertThat(checkout.deliver(payment.disputeCreated(StripeJson.newId("dp"), 100_000)).statusCode()).isEqualTo(200);

        var operator = Visitor.of(browser, app, language).signIn("ops@mobayilo.test", "ops-password-1").open("operator/wallets");
        var locale = operator.texts().locale();
        operator.fill("operator.wallets.customer", payer.email().value());
        operator.click("operator.wallets.find");
        assertThat(operator.page().locator("#wallet-owes")).hasText(operator.t("operator.wallets.owes", Money.cents(320).format(locale)));

        operator.open("operator/payments");
        var row = operator.page().locator("#payments-to-review li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(payer.email().value()));
        assertThat(row).containsText(Money.cents(149_000).format(locale));
        assertThat(row).containsText(Money.cents(50_000).format(locale));
        Browser.screenshot(operator.page(), "operator-payments-" + language);
    }
}
