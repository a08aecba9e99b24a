package com.mobayilo.payments;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.User;
import com.mobayilo.accounts.Users;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.r2dbc.core.DatabaseClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Adding credit end to end in Chromium: the wallet's packs and amounts, the sandbox checkout (which pays by the same
 * signed Stripe webhook as Stripe), the success page following the balance live, the receipt and its mail.
 */
class TopUpsBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    private static Checkout checkout;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
        checkout = new Checkout(app);
    }

    @Test
    void theDemoUserBuysTheTenDollarPackPaysWithATestCardAndGetsTheCreditAndAReceipt() {
        var demo = app.bean(Users.class).findByEmail(EmailAddress.of("demo@mobayilo.test")).block();
        var before = checkout.balanceOf(demo).balance();
        var visitor = Visitor.of(browser, app, "en-US").signIn("demo@mobayilo.test", "demo-password-1").open("wallet");
        var page = visitor.page();
        Browser.screenshot(page, "topup-wallet");
        visitor.click("topup.pack", "$10", 1_000);

        page.waitForURL(url -> url.contains("/sandbox/checkout/"));
        assertThat(page.locator("#checkout-total")).hasText("$10.00");
        assertThat(page.locator("#checkout-sandbox-notice")).containsText(visitor.t("topup.sandbox.notice"));
        assertThat(page.locator("#checkout-sandbox-notice")).containsText("4000 0000 0000 9995");
        payWith(visitor, "4242 4242 4242 4242");
        Browser.screenshot(page, "topup-checkout");
        visitor.click("topup.sandbox.pay", "$10.00");

        page.waitForURL(url -> url.contains("/wallet/top-up/"));
        var after = before.plus(Money.cents(1_000));
        assertThat(page.locator("#topup-status")).hasText(visitor.t("topup.done.credited", 1_000, after.format(Locale.US)));
        assertThat(page.locator("#header-balance")).hasText(after.format(Locale.US));
        assertThat(checkout.balanceOf(demo).balance()).isEqualTo(after);
        Browser.screenshot(page, "topup-success");

        var topUp = TopUpId.parse(page.url().substring(page.url().lastIndexOf('/') + 1));
        var number = Receipt.numberOf(topUp);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(visitor.t("topup.done.receipt"))).click();
        assertThat(page.locator("#receipt-number")).hasText(number);
        assertThat(page.locator("#receipt-method")).hasText(visitor.t("topup.receipt.card.test", visitor.t("topup.receipt.card", "Visa", "4242")));
        assertThat(page.locator("#receipt-amount")).hasText("$10.00");
        assertThat(page.locator("#receipt-credits")).hasText("1,000 credits");
        assertThat(page.locator("#receipt-payer")).containsText("demo@mobayilo.test");
        assertThat(page.locator("#receipt-reference")).containsText("pi_sandbox_");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(visitor.t("topup.receipt.print")))).isVisible();
        Browser.screenshot(page, "topup-receipt");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("vaadin-side-nav")).isHidden();
        Browser.screenshot(page, "topup-receipt-print");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        visitor.open("wallet");
        assertThat(page.locator("#receipts")).containsText(visitor.t("topup.receipts.open", number));
        Browser.screenshot(page, "topup-wallet-receipts");
        visitor.open("dev/mailbox");
        assertThat(page.getByText(visitor.t("topup.mail.subject", number))).isVisible();
        assertThat(page.locator(".mail").first()).containsText(visitor.t("topup.receipt.card", "Visa", "4242"));
        Browser.screenshot(page, "topup-receipt-mail");
    }

    @Test
    void aDeclinedCardSaysSoCreditsNothingAndCancellingSaysNothingWasCharged() {
        var payer = verifiedPayer("fr");
        var visitor = Visitor.of(browser, app, "fr-FR").signIn(payer.email().value(), TestUsers.PASSWORD).open("wallet");
        var page = visitor.page();
        visitor.fill("topup.custom", "7,50");
        visitor.click("topup.custom.pay");

        page.waitForURL(url -> url.contains("/sandbox/checkout/"));
        payWith(visitor, "4000 0000 0000 0002");
        payButton(visitor).click();
        assertThat(page.locator("#checkout-refusal")).hasText(visitor.t("topup.sandbox.refused.DECLINED"));
        Browser.screenshot(page, "topup-checkout-declined-fr");
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);

        visitor.fill("topup.sandbox.card.number", "4000 0000 0000 9995");
        payButton(visitor).click();
        assertThat(page.locator("#checkout-refusal")).hasText(visitor.t("topup.sandbox.refused.INSUFFICIENT_FUNDS"));
        visitor.fill("topup.sandbox.card.number", "5555 5555 5555 4444");
        payButton(visitor).click();
        assertThat(page.locator("#checkout-refusal")).hasText(visitor.t("topup.sandbox.refused.NOT_A_TEST_CARD"));
        visitor.fill("topup.sandbox.card.number", "4242 4242 4242 4241");
        payButton(visitor).click();
        assertThat(page.getByText(visitor.t("topup.sandbox.card.NUMBER_INVALID"))).isVisible();

        visitor.click("topup.sandbox.cancel");
        page.waitForURL(url -> url.contains("/wallet?checkout=cancelled"));
        assertThat(page.locator(".topup-cancelled")).hasText(visitor.t("topup.cancelled"));
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        Browser.screenshot(page, "topup-cancelled-fr");
    }

    @Test
    void aCustomAmountOutsideFiveToFiveHundredDollarsIsRefusedWithTheRange() {
        var payer = verifiedPayer("en");
        var visitor = Visitor.of(browser, app, "en-US").signIn(payer.email().value(), TestUsers.PASSWORD).open("wallet");
        var page = visitor.page();
        var field = page.locator("#topup-amount");
        for (var amount : new String[] { "4.99", "500.01", "" }) {
            visitor.fill("topup.custom", amount);
            visitor.click("topup.custom.pay");
            assertThat(field).hasAttribute("invalid", "");
            assertThat(field).containsText(visitor.t("topup.invalid.AMOUNT_OUT_OF_RANGE", 5, 500));
        }
        visitor.fill("topup.custom", "12.345");
        visitor.click("topup.custom.pay");
        assertThat(field).containsText(visitor.t("topup.custom.cents"));
        Browser.screenshot(page, "topup-amount-refused");
        assertThat(page.url()).endsWith("/wallet");
        assertThat(topUpsOf(payer)).isZero();
    }

    @Test
    void theSuccessPageSwitchesLiveWhenThePaymentIsConfirmedAndOnlyItsPayerSeesIt() {
        var payer = verifiedPayer("en");
        var topUp = checkout.started(payer, 1_000);
        var visitor = Visitor.of(browser, app, "en-US").signIn(payer.email().value(), TestUsers.PASSWORD).open("wallet/top-up/" + topUp.id());
        var page = visitor.page();
        assertThat(page.locator("#topup-status")).hasText(visitor.t("topup.done.crediting"));
        assertThat(page.locator("vaadin-progress-bar")).isVisible();
        Browser.screenshot(page, "topup-crediting");
        page.evaluate("() => window.notReloaded = true");

        checkout.deliver(Checkout.completed(Checkout.eventId(), topUp, "pi_live_" + topUp.id().value().toString().substring(0, 8), 1_000, "paid"));
        assertThat(page.locator("#topup-status")).hasText(visitor.t("topup.done.credited", 1_000, "$10.00"));
        assertThat(page.locator("#header-balance")).hasText("$10.00");
        assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);

        var stranger = verifiedPayer("en");
        var other = Visitor.of(browser, app, "en-US").signIn(stranger.email().value(), TestUsers.PASSWORD);
        for (var path : new String[] { "wallet/top-up/" + topUp.id(), "receipts/" + topUp.id(), "receipts/not-an-id" }) {
            other.open(path);
            assertThat(other.page().getByText(other.t("error.notfound.title"))).isVisible();
        }
    }

    @Test
    void autoRechargeIsTurnedOnWithinItsLimitsAndTheNextCheckoutSavesTheCardItCharges() {
        var payer = verifiedPayer("en");
        var visitor = Visitor.of(browser, app, "en-US").signIn(payer.email().value(), TestUsers.PASSWORD).open("wallet");
        var page = visitor.page();
        assertThat(page.locator("#auto-recharge-status")).hasText(visitor.t("autorecharge.status.never"));
        page.getByLabel(visitor.t("autorecharge.enabled")).check();
        visitor.fill("autorecharge.ceiling", "4");
        visitor.click("autorecharge.save");
        assertThat(page.locator("#auto-recharge")).containsText(visitor.t("autorecharge.invalid.CEILING", 2_000));
        visitor.fill("autorecharge.ceiling", "30");
        visitor.click("autorecharge.save");
        assertThat(page.locator("#auto-recharge-status")).hasText(visitor.t("autorecharge.status.nocard"));

        visitor.click("topup.pack", "$10", 1_000);
        page.waitForURL(url -> url.contains("/sandbox/checkout/"));
        payWith(visitor, "4242 4242 4242 4242");
        visitor.click("topup.sandbox.pay", "$10.00");
        page.waitForURL(url -> url.contains("/wallet/top-up/"));
        var topUp = TopUpId.parse(page.url().substring(page.url().lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(15)).until(() -> app.bean(TopUps.class).find(topUp).block().cardLast4() != null);
        visitor.open("wallet");
        assertThat(page.locator("#auto-recharge-status")).hasText(visitor.t("autorecharge.status.card", "Visa", "4242"));
        Browser.screenshot(page, "wallet-auto-recharge");
    }

    private static void payWith(Visitor visitor, String number) {
        visitor.fill("topup.sandbox.card.number", number);
        visitor.fill("topup.sandbox.card.expiry", "12/34");
        visitor.fill("topup.sandbox.card.cvc", "123");
        visitor.fill("topup.sandbox.card.name", "Amani Kabila");
    }

    private static com.microsoft.playwright.Locator payButton(Visitor visitor) {
        var pay = visitor.t("topup.sandbox.pay", "").strip();
        return visitor.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^" + pay + " ")));
    }

    /** A new person whose email is confirmed, with an empty wallet: top-ups are open to them. */
    private static User verifiedPayer(String language) {
        var user = TestUsers.individual(app, language);
        app.bean(DatabaseClient.class).sql("update users set email_verified_at = now() where id = :id").bind("id", user.id().value()).then().block();
        return user;
    }

    private static long topUpsOf(User payer) {
        return app.bean(DatabaseClient.class).sql("select count(*) as n from top_ups where payer_id = :payer").bind("payer", payer.id().value())
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
