package com.mobayilo.rating;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators read the audit of the deck, blocked list and limits in their own language; older rows as they were written. */
class PolicyChangeTests {

    private static final PolicyChange.Translations BUNDLES = bundles();

    @Test
    void theSandboxSampleDeckReadsInFrenchAfterItsStorage() {
        var change = PolicyChange.of("Loaded the sandbox sample deck (1899 rows)", "policy.change.deck.sample", 1_899);
        var stored = PolicyChange.stored(change.stored());
        assertThat(stored.in(Locale.FRENCH, BUNDLES)).isEqualTo("Grille d’exemple du bac à sable chargée (1\u202f899 lignes)");
        assertThat(stored.in(Locale.ENGLISH, BUNDLES)).isEqualTo("Loaded the sandbox sample deck (1,899 rows)");
        assertThat(stored.text()).isEqualTo("Loaded the sandbox sample deck (1899 rows)");
    }

    @Test
    void aBlockedPrefixKeepsItsDigitsAndTheOperatorsReasonAsTyped() {
        var change = PolicyChange.stored(PolicyChange.of("Blocked +2399: IRSF range", "policy.change.blocked", "2399", "IRSF range").stored());
        assertThat(change.in(Locale.FRENCH, BUNDLES)).isEqualTo("+2399 bloqué : IRSF range");
    }

    @Test
    void changedLimitsNameEachLimitBeforeAndAfter() {
        var change = PolicyChange.stored(PolicyChange.of("Limits changed", "policy.change.limits", 2_000L, 3_000L, 500L, 500L, 7, 14, 1, 2).stored());
        assertThat(change.in(Locale.FRENCH, BUNDLES)).isEqualTo("Limites modifiées : plafond quotidien 2\u202f000 → 3\u202f000 crédits ; "
                + "nouveaux comptes 500 → 500 crédits par jour pendant leurs 7 → 14 premiers jours ; appels simultanés 1 → 2");
    }

    @Test
    void aRowWrittenBeforeChangesHadKeysIsShownAsStored() {
        assertThat(PolicyChange.stored("Unblocked +2399").in(Locale.FRENCH, BUNDLES)).isEqualTo("Unblocked +2399");
    }

    private static PolicyChange.Translations bundles() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("vaadin-i18n/translations");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return (key, locale, args) -> messages.getMessage(key, args, key, locale);
    }
}
