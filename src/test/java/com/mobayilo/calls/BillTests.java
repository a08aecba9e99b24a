package com.mobayilo.calls;

import java.util.ArrayList;

import com.mobayilo.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillTests {

    private static final Money RATE = Money.cents(22);

    private static final int LONGEST_HOLD = 120;

    @ParameterizedTest(name = "{0} s answered are {1} billed minutes")
    @CsvSource({ "0, 0", "1, 1", "59, 1", "60, 1", "61, 2", "119, 2", "120, 2", "3599, 60" })
    void anAnsweredCallIsBilledEveryStartedMinuteAtItsRate(int seconds, int minutes) {
        var bill = Bill.of(true, seconds, RATE, LONGEST_HOLD);
        assertThat(bill.billedMinutes()).isEqualTo(minutes);
        assertThat(bill.cost()).isEqualTo(Money.cents(22L * minutes));
        assertThat(bill.durationSeconds()).isEqualTo(seconds);
    }

    @Test
    void anUnansweredCallCostsNothingWhateverDurationIsReported() {
        var bill = Bill.of(false, 45, RATE, LONGEST_HOLD);
        assertThat(bill.billedMinutes()).isZero();
        assertThat(bill.cost()).isEqualTo(Money.ZERO);
        assertThat(bill.durationSeconds()).isZero();
    }

    @Test
    void aNegativeDurationIsRefused() {
        assertThatThrownBy(() -> Bill.of(true, -1, RATE, LONGEST_HOLD)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Every duration up to 10,000 s against every hold up to the longest: a call cut by its Dial time limit is
     * billed exactly its started minutes, and even a duration past the limit never costs more than the hold.
     */
    @Test
    void noDurationEverCostsMoreThanTheMinutesHeld() {
        var violations = new ArrayList<String>();
        for (int held = 1; held <= LONGEST_HOLD; held++) {
            var limit = Bill.timeLimitSeconds(held);
            var most = RATE.times(held);
            for (int seconds = 0; seconds <= 10_000 && violations.size() < 10; seconds++) {
                var talked = Math.min(seconds, limit);
                var cut = Bill.of(true, talked, RATE, held);
                if (cut.billedMinutes() != (talked + 59) / 60 || cut.billedMinutes() > held) {
                    violations.add("%d min held, %d s talked within the limit: %s".formatted(held, talked, cut));
                }
                var reported = Bill.of(true, seconds, RATE, held);
                if (reported.billedMinutes() > held || reported.cost().isGreaterThan(most)
                        || !reported.cost().equals(RATE.times(reported.billedMinutes()))) {
                    violations.add("%d min held, %d s reported: %s".formatted(held, seconds, reported));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void aDurationPastTheTimeLimitIsBilledTheHeldMinutes() {
        var bill = Bill.of(true, Bill.timeLimitSeconds(2) + 1, RATE, 2);
        assertThat(bill.billedMinutes()).isEqualTo(2);
        assertThat(bill.cost()).isEqualTo(Money.cents(44));
    }
}
