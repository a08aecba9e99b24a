package com.mobayilo.wallet;

import java.util.Locale;

import com.mobayilo.shared.Money;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Memos are rendered in the reader's language from the app's bundles; text without a key stays as written. */
class MemoTests {

    private static final Memo.Translations BUNDLES = bundles();

    @Test
    void aCallChargeReadsInFrenchAndInEnglish() {
        var memo = Memo.of("memo.call", "+243 81 234 5678", 3L, 22L);
        assertThat(memo.in(Locale.FRENCH, BUNDLES)).isEqualTo("Appel vers +243 81 234 5678 : 3 min × 22 crédits");
        assertThat(memo.in(Locale.ENGLISH, BUNDLES)).isEqualTo("Call to +243 81 234 5678: 3 min × 22 credits");
    }

    @Test
    void aTopUpShowsItsAmountInTheReadersConventions() {
        var memo = Memo.of("memo.topup", Money.cents(1_000));
        assertThat(memo.in(Locale.FRENCH, BUNDLES)).isEqualTo("Recharge de " + Money.cents(1_000).format(Locale.FRENCH));
        assertThat(memo.in(Locale.ENGLISH, BUNDLES)).isEqualTo("Top-up $10.00");
    }

    @Test
    void aMemoSurvivesItsStorageWithItsArguments() {
        var memo = Memo.of("memo.call", "+33 1 23 45 67 89", 2, 7L);
        var stored = Memo.stored("Call to +33 1 23 45 67 89: 2 min × 7 credits", memo.key(), memo.argsJson());
        assertThat(stored.in(Locale.FRENCH, BUNDLES)).isEqualTo("Appel vers +33 1 23 45 67 89 : 2 min × 7 crédits");
        var topUp = Memo.of("memo.topup", Money.cents(2_500));
        assertThat(Memo.stored("Top-up $25.00", topUp.key(), topUp.argsJson()).args()).containsExactly(Money.cents(2_500));
    }

    @Test
    void aRowWrittenBeforeMemosHadKeysIsShownAsStored() {
        var old = Memo.stored("Call to +243812345678: 2 min × 22 credits", null, null);
        assertThat(old.in(Locale.FRENCH, BUNDLES)).isEqualTo("Call to +243812345678: 2 min × 22 credits");
    }

    @Test
    void aKeyTheBundlesDoNotKnowFallsBackToItsStoredText() {
        assertThat(Memo.stored("Something old", "memo.gone", "[]").in(Locale.FRENCH, BUNDLES)).isEqualTo("Something old");
    }

    private static Memo.Translations bundles() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("vaadin-i18n/translations");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return (key, locale, args) -> messages.getMessage(key, args, key, locale);
    }
}
