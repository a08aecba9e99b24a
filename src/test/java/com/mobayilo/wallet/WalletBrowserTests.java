package com.mobayilo.wallet;

import java.nio.file.Files;

import com.microsoft.playwright.options.AriaRole;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The wallet in a real browser: live balance, the operator's adjustment with its audit, and the CSV export. */
class WalletBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void theHeaderBalanceChangesLiveWhenAnOperatorAdjustsTheWallet(String language) {
        var user = TestUsers.individual(app, language);
        var customer = Visitor.of(browser, app, language).signIn(user.email().value(), TestUsers.PASSWORD).open("wallet");
        var header = customer.page().locator("#header-balance");
        assertThat(header).hasText(Money.ZERO.format(customer.texts().locale()));

        var operator = Visitor.of(browser, app, language).signIn("ops@mobayilo.test", "ops-password-1").open("operator/wallets");
        adjust(operator, user.email().value(), "250", "Goodwill after a dropped call");

        assertThat(header).hasText(Money.cents(250).format(customer.texts().locale()));
        assertThat(customer.page().locator("#wallet-balance")).hasText(Money.cents(250).format(customer.texts().locale()));
        assertThat(customer.page().getByText("Goodwill after a dropped call").first()).isVisible();
        assertThat(operator.page().locator("vaadin-grid").getByText("Goodwill after a dropped call").first()).isVisible();
        Browser.screenshot(customer.page(), "wallet-after-adjustment-" + language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void anAdjustmentWithoutAReasonIsRefusedAndBooksNothing(String language) {
        var user = TestUsers.individual(app, language);
        var operator = Visitor.of(browser, app, language).signIn("ops@mobayilo.test", "ops-password-1").open("operator/wallets");
        adjust(operator, user.email().value(), "100", "");
        assertThat(operator.page().getByText(operator.t("wallet.reason.required")).first()).isVisible();
        var wallet = app.bean(Ledger.class).walletOf(Owner.user(user.id().value())).block();
        assertThat(wallet.balance()).isEqualTo(Money.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US" })
    void theHistoryExportsAsCsv(String language) throws Exception {
        var user = TestUsers.individual(app, language);
        app.bean(Ledger.class).credit(app.bean(Ledger.class).walletOf(Owner.user(user.id().value())).block().id(), Money.cents(777),
                JournalEntry.of(TransactionKind.PROMOTION, "TEST", "csv", "Welcome, \"friend\"", "csv-" + user.id())).block();
        var customer = Visitor.of(browser, app, language).signIn(user.email().value(), TestUsers.PASSWORD).open("wallet");
        var download = customer.page().waitForDownload(() -> customer.page().getByText(customer.t("wallet.history.export")).click());
        var csv = Files.readString(download.path());
        assertThat(csv).startsWith("Date,Type,Amount (credits),Balance after (credits),Details\r\n").contains(",PROMOTION,777,777,\"Welcome, \"\"friend\"\"\"");
    }

    private static void adjust(Visitor operator, String email, String credits, String reason) {
        operator.fill("operator.wallets.customer", email);
        operator.click("operator.wallets.find");
        assertThat(operator.page().locator("#found-wallet")).containsText(email);
        operator.fill("operator.wallets.amount", credits);
        operator.fill("operator.wallets.reason", reason);
        operator.click("operator.wallets.apply");
        if (!reason.isEmpty()) {
            operator.page().getByRole(AriaRole.ALERTDIALOG).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName(operator.t("operator.wallets.apply"))).click();
            assertThat(operator.page().getByText(operator.t("operator.wallets.done")).first()).isVisible();
        }
    }
}
