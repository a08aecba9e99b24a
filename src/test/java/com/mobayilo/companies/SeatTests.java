package com.mobayilo.companies;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import com.mobayilo.accounts.Role;
import com.mobayilo.accounts.UserId;
import com.mobayilo.calls.Refusal;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeatTests {

    private static final Money RATE = Money.cents(22);

    private final Seat seat = Seat.invited(UserId.newId(), CompanyId.newId(), "Ana", "ana@example.com", Role.SEAT,
            SeatSettings.of(0.50, 2.00, Set.of("FR"), 1, null), Instant.parse("2026-11-24T10:00:00Z"));

    @Test
    void theFirstSignInActivatesAnInvitation() {
        assertThat(seat.signedIn().status()).isEqualTo(SeatStatus.ACTIVE);
        assertThat(seat.signedIn().signedIn()).isEqualTo(seat.signedIn());
    }

    @Test
    void aDisabledSeatMayNeitherSignInNorCallUntilEnabled() {
        var disabled = seat.signedIn().disable(UserId.newId());
        assertThat(disabled.maySignIn()).isFalse();
        assertThatThrownBy(() -> disabled.limits(Optional.empty()).admit(Optional.of(CountryCode.of("FR")), 0))
                .isInstanceOfSatisfying(Refusal.CallRefused.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.SEAT_DISABLED));
        assertThat(disabled.enable().maySignIn()).isTrue();
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        assertThatThrownBy(() -> seat.disable(seat.user())).isInstanceOf(CompanyRefusal.CannotLockOutSelf.class);
        assertThatThrownBy(() -> seat.remove(seat.user())).isInstanceOf(CompanyRefusal.CannotLockOutSelf.class);
    }

    @Test
    void aRemovedSeatCanNoLongerBeChangedButCanBeInvitedAgain() {
        var removed = seat.remove(UserId.newId());
        assertThatThrownBy(() -> removed.withSettings(SeatSettings.UNCAPPED)).isInstanceOf(CompanyRefusal.SeatNotFound.class);
        assertThat(removed.reinvite("Ana B", SeatSettings.UNCAPPED).status()).isEqualTo(SeatStatus.INVITED);
    }

    @Test
    void theCountryListAndConcurrencyAreEnforcedWithTheirReasons() {
        var limits = seat.limits(Optional.empty());
        assertThatThrownBy(() -> limits.admit(Optional.of(CountryCode.of("CD")), 0))
                .isInstanceOfSatisfying(Refusal.CallRefused.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.COUNTRY_NOT_ALLOWED));
        assertThatThrownBy(() -> limits.admit(Optional.of(CountryCode.of("FR")), 1))
                .isInstanceOfSatisfying(Refusal.CallRefused.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.SEAT_TOO_MANY_CALLS));
        limits.admit(Optional.of(CountryCode.of("FR")), 0);
    }

    @Test
    void whatASeatMaySpendIsTheSmallerOfWhatItsCapsLeave() {
        var limits = seat.limits(Optional.empty());
        assertThat(limits.spendable(Money.ZERO, Money.ZERO, RATE)).isEqualTo(Money.cents(50));
        assertThat(limits.spendable(Money.ZERO, Money.cents(170), RATE)).isEqualTo(Money.cents(30));
        assertThatThrownBy(() -> limits.spendable(Money.cents(30), Money.cents(30), RATE))
                .isInstanceOfSatisfying(Refusal.CallRefused.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.SEAT_DAILY_CAP_REACHED));
        assertThatThrownBy(() -> limits.spendable(Money.ZERO, Money.cents(190), RATE))
                .isInstanceOfSatisfying(Refusal.CallRefused.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.SEAT_MONTHLY_CAP_REACHED));
    }

    @Test
    void limitsOutOfRangeAreRefusedFieldByField() {
        assertThatThrownBy(() -> SeatSettings.of(-1.0, null, Set.of(), 1, null))
                .isInstanceOfSatisfying(CompanyRefusal.class, refused -> assertThat(refused.field()).contains("dailyCap"));
        assertThatThrownBy(() -> SeatSettings.of(10.0, 5.0, Set.of(), 1, null))
                .isInstanceOfSatisfying(CompanyRefusal.class, refused -> assertThat(refused.field()).contains("dailyCap"));
        assertThatThrownBy(() -> SeatSettings.of(null, null, Set.of(), 11, null))
                .isInstanceOfSatisfying(CompanyRefusal.class, refused -> assertThat(refused.field()).contains("maxConcurrentCalls"));
        assertThatThrownBy(() -> SeatSettings.of(null, null, Set.of("ZZ"), 1, null))
                .isInstanceOfSatisfying(CompanyRefusal.class, refused -> assertThat(refused.field()).contains("countries"));
    }
}
