package com.mobayilo.rating;

import java.nio.file.Files;
import java.util.Locale;

import com.microsoft.playwright.options.AriaRole;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The public rates page and the operator's deck import, in a real browser. */
class RatesBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void aPastedNumberShowsItsCountryTypeAndRate(String language) {
        var visitor = Visitor.of(browser, app, language).open("rates");
        var locale = visitor.texts().locale();
        visitor.fill("rates.search", "tel:+243-81-234-5678");
        var quote = visitor.page().locator("#quote");
        assertThat(quote).containsText("+243 812 345 678");
        assertThat(quote).containsText(visitor.t("rates.destination", com.mobayilo.shared.CountryCode.of("CD").displayName(locale),
                visitor.t("rating.type.MOBILE")));
        assertThat(quote).containsText(visitor.t("rates.perminute", 22, Money.cents(22).format(locale)));
        Browser.screenshot(visitor.page(), "rates-number-" + language);

        visitor.fill("rates.search", "+243 81");
        assertThat(visitor.page().getByText(visitor.t("rating.number.TOO_SHORT")).first()).isVisible();

        visitor.fill("rates.search", "+33 8 99 12 34 56");
        assertThat(quote).containsText(visitor.t("rating.blocked.PREMIUM_RATE"));
    }

    @Test
    void aSignedInCallerSeesHowManyMinutesTheyCanCallNow() {
        var visitor = Visitor.of(browser, app, "en-US").signIn("demo@mobayilo.test", "demo-password-1").open("rates");
        visitor.fill("rates.search", "+243 81 234 5678");
        var available = app.bean(com.mobayilo.wallet.Ledger.class).walletOf(com.mobayilo.wallet.Owner.user(
                app.bean(com.mobayilo.accounts.Users.class).findByEmail(com.mobayilo.accounts.EmailAddress.of("demo@mobayilo.test")).block().id().value()))
                .block().available();
        assertThat(visitor.page().locator("#quote")).containsText(visitor.t("rates.minutes.now", available.cents() / 22));
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void aCountrySearchListsLandlineAndMobileRates(String language) {
        var visitor = Visitor.of(browser, app, language).open("rates");
        var belgium = Locale.of("", "BE").getDisplayCountry(visitor.texts().locale());
        visitor.fill("rates.search", belgium.substring(0, 4));
        var grid = visitor.page().locator("vaadin-grid");
        assertThat(grid.getByText(belgium, new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(grid.getByText(visitor.t("rates.perminute", 10, Money.cents(10).format(visitor.texts().locale())))).isVisible();
    }

    @Test
    void aBadDeckFileListsItsLinesAndChangesNothing() throws Exception {
        var operator = Visitor.of(browser, app, "en-US").signIn("ops@mobayilo.test", "ops-password-1").open("operator/rates");
        var before = app.bean(RateDeck.class).rows();
        var file = Files.createTempFile("deck", ".csv");
        Files.writeString(file, DeckCsv.HEADER + "\n243,CD,Congo DR,25,\n33,XX,France,2,\n44,GB,United Kingdom,zero,\n");
        operator.page().locator("vaadin-upload input[type=file]").setInputFiles(file);
        assertThat(operator.page().locator("#deck-status")).hasText(operator.t("deck.invalid", 2));
        var errors = operator.page().locator("#deck-preview vaadin-grid");
        assertThat(errors.getByText(operator.t("rating.deck.country", "XX"))).isVisible();
        assertThat(errors.getByText(operator.t("rating.deck.rate", "zero", 100_000))).isVisible();
        assertThat(app.bean(RateDeck.class).rows()).isEqualTo(before);
        Browser.screenshot(operator.page(), "deck-errors");
    }

    @Test
    void aGoodDeckFileIsPreviewedThenApplied() throws Exception {
        var operator = Visitor.of(browser, app, "en-US").signIn("ops@mobayilo.test", "ops-password-1").open("operator/rates");
        var current = app.bean(RateDeck.class).rows();
        var file = Files.createTempFile("deck", ".csv");
        try (var out = Files.newBufferedWriter(file)) {
            DeckCsv.write(current.stream().map(rate -> rate.prefix().equals("243")
                    ? new Rate(rate.prefix(), rate.country(), rate.description(), Money.cents(24), rate.effectiveFrom()) : rate).toList(), out);
        }
        operator.page().locator("vaadin-upload input[type=file]").setInputFiles(file);
        assertThat(operator.page().locator("#deck-preview")).containsText(operator.t("deck.preview.summary", 0, 1, 0, current.size() - 1));
        operator.click("deck.apply");
        operator.page().getByRole(AriaRole.ALERTDIALOG).getByRole(AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName(operator.t("deck.apply"))).click();
        assertThat(operator.page().locator("#deck-status")).hasText(operator.t("deck.applied", 0, 1, 0));
        assertThat(app.bean(RateDeck.class).rateFor(PhoneNumber.parse("+243 12 34567", null)).perMinute()).isEqualTo(Money.cents(24));
        try (var out = Files.newBufferedWriter(file)) {
            DeckCsv.write(current, out);
        }
        app.bean(DeckImports.class).apply(DeckCsv.parse(Files.newBufferedReader(file), lines -> { }), null).block();
    }
}
