package com.mobayilo.payments;

import java.util.Optional;
import java.util.UUID;

import com.mobayilo.accounts.UserId;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.WalletId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutoRechargeTests {

    private static final WalletId WALLET = new WalletId(UUID.randomUUID());

    private static final UserId PAYER = new UserId(UUID.randomUUID());

    private static final SavedCard CARD = new SavedCard("cus_1", "pm_1", TopUpId.random());

    private static AutoRecharge withCard(long threshold, long amount, long ceiling) {
        return AutoRecharge.configure(WALLET, PAYER, true, Money.cents(threshold), Money.cents(amount), Money.cents(ceiling), Optional.of(CARD));
    }

    @Test
    void itIsDueOnlyWhenOnWithACardAndBelowTheThreshold() {
        var settings = withCard(200, 1_000, 3_000);
        assertThat(settings.isDue(Money.cents(199))).isTrue();
        assertThat(settings.isDue(Money.cents(200))).isFalse();
        assertThat(settings.off("card_declined").isDue(Money.ZERO)).isFalse();
        var noCard = AutoRecharge.configure(WALLET, PAYER, true, Money.cents(200), Money.cents(1_000), Money.cents(3_000), Optional.empty());
        assertThat(noCard.isDue(Money.ZERO)).isFalse();
    }

    @Test
    void aChargeThatWouldPassTheMonthlyCeilingIsNotMade() {
        var settings = withCard(200, 1_000, 3_000);
        assertThat(settings.chargeWithin(Money.cents(2_000))).contains(Money.cents(1_000));
        assertThat(settings.chargeWithin(Money.cents(2_001))).isEmpty();
        assertThat(settings.chargeWithin(Money.cents(3_000))).isEmpty();
    }

    @Test
    void settingsOutsideTheirBoundsAreRefusedWithTheRuleBroken() {
        assertThatThrownBy(() -> withCard(-1, 1_000, 3_000)).isInstanceOfSatisfying(InvalidAutoRecharge.class,
                refused -> assertThat(refused.problem()).isEqualTo(InvalidAutoRecharge.Problem.THRESHOLD));
        assertThatThrownBy(() -> withCard(200, 400, 3_000)).isInstanceOf(InvalidTopUp.class);
        assertThatThrownBy(() -> withCard(200, 1_000, 999)).isInstanceOfSatisfying(InvalidAutoRecharge.class,
                refused -> assertThat(refused.problem()).isEqualTo(InvalidAutoRecharge.Problem.CEILING));
        assertThatThrownBy(() -> withCard(200, 1_000, 200_001)).isInstanceOfSatisfying(InvalidAutoRecharge.class,
                refused -> assertThat(refused.problem()).isEqualTo(InvalidAutoRecharge.Problem.CEILING));
    }

    @Test
    void turningItOffKeepsTheReason() {
        var off = withCard(200, 1_000, 3_000).off("authentication_required");
        assertThat(off.enabled()).isFalse();
        assertThat(off.disabledReason()).contains("authentication_required");
        assertThat(off.card()).contains(CARD);
    }
}
