package com.mobayilo.wallet;

import java.time.Instant;

import com.mobayilo.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HoldTests {

    private static final Instant EXPIRY = Instant.parse("2026-11-24T12:00:00Z");

    private final Hold hold = Hold.place(WalletId.newId(), Money.cents(300), Memo.text("Call to +243 81 234 5678"), "CA123", EXPIRY);

    @Test
    void aCaptureOfAtMostTheHoldEndsIt() {
        var captured = hold.capture(Money.cents(120));
        assertThat(captured.status()).isEqualTo(HoldStatus.CAPTURED);
        assertThat(captured.captured()).isEqualTo(Money.cents(120));
    }

    @Test
    void aCaptureBeyondTheHoldIsRefused() {
        assertThatThrownBy(() -> hold.capture(Money.cents(301))).isInstanceOf(CaptureExceedsHold.class);
    }

    @Test
    void anEndedHoldCannotBeCapturedOrReleasedAgain() {
        var released = hold.release();
        assertThat(released.status()).isEqualTo(HoldStatus.RELEASED);
        assertThatThrownBy(() -> released.capture(Money.cents(1))).isInstanceOf(HoldNotActive.class);
        assertThatThrownBy(() -> hold.capture(Money.cents(10)).release()).isInstanceOf(HoldNotActive.class);
    }

    @Test
    void aHoldExpiresOnlyOnceItsTimeHasCome() {
        assertThatThrownBy(() -> hold.expire(EXPIRY.minusSeconds(1))).isInstanceOf(IllegalStateException.class);
        assertThat(hold.expire(EXPIRY).status()).isEqualTo(HoldStatus.EXPIRED);
    }
}
