package com.mobayilo.shared;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTests {

    @Test
    void arithmeticStaysInWholeCents() {
        assertThat(Money.cents(250).plus(Money.cents(50)).minus(Money.cents(100))).isEqualTo(Money.cents(200));
        assertThat(Money.cents(2).times(61)).isEqualTo(Money.cents(122));
        assertThat(Money.cents(5).negate().isNegative()).isTrue();
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Money.cents(Long.MAX_VALUE).plus(Money.cents(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void amountsReadInTheReadersConventions() {
        assertThat(Money.cents(500).format(Locale.US)).isEqualTo("$5.00");
        assertThat(Money.cents(123456).format(Locale.FRANCE)).isEqualTo("1\u202f234,56\u00a0$US");
    }
}
