package com.mobayilo.payments.stripe;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StripeSignaturesTests {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static final long T = NOW.getEpochSecond();

    private static final String OLD = "whsec_old0c4f3b1d2e5a6978";

    private static final String NEW = "whsec_new9a8b7c6d5e4f3021";

    private static final String PAYLOAD = """
            {"id":"evt_1QxYz2AbCdEfGh","object":"event","type":"checkout.session.completed","data":{"object":{"id":"cs_test_a1"}}}""";

    private final StripeSignatures signatures = new StripeSignatures(List.of(OLD), Clock.fixed(NOW, ZoneOffset.UTC));

    private final StripeSignatures rotating = new StripeSignatures(List.of(OLD, NEW), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aBodySignedWithTheEndpointSecretNowIsValid() {
        assertThat(signatures.isValid(PAYLOAD, StripeSigner.header(OLD, T, PAYLOAD))).isTrue();
    }

    @Test
    void aBodyChangedAfterSigningIsInvalid() {
        var header = StripeSigner.header(OLD, T, PAYLOAD);
        assertThat(signatures.isValid(PAYLOAD.replace("cs_test_a1", "cs_test_a2"), header)).isFalse();
        assertThat(signatures.isValid(PAYLOAD + " ", header)).isFalse();
    }

    @Test
    void aSignatureUnderAnotherSecretIsInvalid() {
        assertThat(signatures.isValid(PAYLOAD, StripeSigner.header("whsec_someone_else", T, PAYLOAD))).isFalse();
    }

    @Test
    void aSignatureOlderThanFiveMinutesIsInvalidAndOneJustWithinIsValid() {
        assertThat(signatures.isValid(PAYLOAD, StripeSigner.header(OLD, T - 301, PAYLOAD))).isFalse();
        assertThat(signatures.isValid(PAYLOAD, StripeSigner.header(OLD, T - 3_600, PAYLOAD))).isFalse();
        assertThat(signatures.isValid(PAYLOAD, StripeSigner.header(OLD, T - 299, PAYLOAD))).isTrue();
    }

    @Test
    void aSignatureDatedMoreThanFiveMinutesAheadIsInvalidAndSmallClockSkewIsTolerated() {
        assertThat(signatures.isValid(PAYLOAD, StripeSigner.header(OLD, T + 301, PAYLOAD))).isFalse();
        assertThat(signatures.isValid(PAYLOAD, StripeSigner.header(OLD, T + 86_400 * 365, PAYLOAD))).isFalse();
        assertThat(signatures.isValid(PAYLOAD, StripeSigner.header(OLD, T + 30, PAYLOAD))).isTrue();
    }

    @Test
    void whileASecretIsRotatedABodySignedWithEitherIsValid() {
        assertThat(rotating.isValid(PAYLOAD, StripeSigner.header(OLD, T, PAYLOAD))).isTrue();
        assertThat(rotating.isValid(PAYLOAD, StripeSigner.header(NEW, T, PAYLOAD))).isTrue();
        assertThat(rotating.isValid(PAYLOAD, StripeSigner.header("whsec_retired", T, PAYLOAD))).isFalse();
    }

    @Test
    void aHeaderCarryingSeveralV1ValuesIsValidWhenAnyOfThemMatches() {
        var ours = StripeSigner.v1(NEW, T, PAYLOAD);
        var theirs = StripeSigner.v1("whsec_not_configured_here", T, PAYLOAD);
        assertThat(rotating.isValid(PAYLOAD, "t=%d,v1=%s,v1=%s".formatted(T, theirs, ours))).isTrue();
        assertThat(rotating.isValid(PAYLOAD, "t=%d,v1=%s,v1=%s".formatted(T, ours, theirs))).isTrue();
        assertThat(rotating.isValid(PAYLOAD, "t=%d,v1=%s,v1=%s".formatted(T, theirs, "0".repeat(64)))).isFalse();
    }

    @Test
    void onlyTheV1SchemeCounts() {
        var right = StripeSigner.v1(OLD, T, PAYLOAD);
        assertThat(signatures.isValid(PAYLOAD, "t=%d,v0=%s".formatted(T, right))).isFalse();
        assertThat(signatures.isValid(PAYLOAD, "t=%d,v0=%s,v1=%s".formatted(T, right, right))).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { " ", "nonsense", "t=", "v1=abc", "t=1795003200", "t=abc,v1=00", "t=-5,v1=00", ",,,", "t=1795003200,v1=",
            "t=99999999999999999999,v1=00" })
    void aMissingOrGarbledHeaderIsInvalid(String header) {
        assertThat(signatures.isValid(PAYLOAD, header)).isFalse();
    }

    @Test
    void aHeaderWithoutTheTimestampIsInvalidEvenWithTheRightSignature() {
        assertThat(signatures.isValid(PAYLOAD, "v1=" + StripeSigner.v1(OLD, T, PAYLOAD))).isFalse();
    }

    @Test
    void noBodyIsNeverValid() {
        assertThat(signatures.isValid(null, StripeSigner.header(OLD, T, ""))).isFalse();
    }

    @Test
    void theSandboxSignsItsOwnEventsExactlyAsStripeDoesWithTheFirstSecret() {
        assertThat(rotating.sign(PAYLOAD)).isEqualTo(StripeSigner.header(OLD, T, PAYLOAD));
    }
}
