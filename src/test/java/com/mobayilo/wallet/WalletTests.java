package com.mobayilo.wallet;

import java.util.UUID;

import com.mobayilo.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalletTests {

    private final Wallet wallet = new Wallet(WalletId.newId(), Owner.user(UUID.randomUUID()), Money.cents(500), Money.ZERO);

    @Test
    void aHoldReducesAvailableCreditButNotTheBalance() {
        var held = wallet.hold(Money.cents(200));
        assertThat(held.balance()).isEqualTo(Money.cents(500));
        assertThat(held.available()).isEqualTo(Money.cents(300));
    }

    @Test
    void holdBeyondAvailableCreditIsRefused() {
        var held = wallet.hold(Money.cents(400));
        assertThatThrownBy(() -> held.hold(Money.cents(101)))
                .isInstanceOfSatisfying(InsufficientCredit.class, refusal -> assertThat(refusal.available()).isEqualTo(Money.cents(100)));
    }

    @Test
    void settlingAHoldChargesPartOfItAndFreesTheRest() {
        var settled = wallet.hold(Money.cents(300)).settle(Money.cents(300), Money.cents(120));
        assertThat(settled.balance()).isEqualTo(Money.cents(380));
        assertThat(settled.held()).isEqualTo(Money.ZERO);
        assertThat(settled.available()).isEqualTo(Money.cents(380));
    }

    @Test
    void aChargeCanNeverExceedItsHold() {
        var held = wallet.hold(Money.cents(100));
        assertThatThrownBy(() -> held.settle(Money.cents(100), Money.cents(101))).isInstanceOf(CaptureExceedsHold.class);
    }

    @Test
    void onlyRefundsAndChargebacksMayTakeTheBalanceBelowZero() {
        assertThatThrownBy(() -> wallet.debit(Money.cents(501), TransactionKind.ADJUSTMENT)).isInstanceOf(InsufficientCredit.class);
        assertThat(wallet.debit(Money.cents(800), TransactionKind.REFUND).balance()).isEqualTo(Money.cents(-300));
        assertThat(wallet.debit(Money.cents(800), TransactionKind.CHARGEBACK).toBalance().canStartCalls()).isFalse();
    }

    @Test
    void zeroAndNegativeAmountsAreRefused() {
        assertThatThrownBy(() -> wallet.hold(Money.ZERO)).isInstanceOf(InvalidAmount.class);
        assertThatThrownBy(() -> wallet.credit(Money.cents(-5))).isInstanceOf(InvalidAmount.class);
    }
}
