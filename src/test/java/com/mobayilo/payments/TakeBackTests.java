package com.mobayilo.payments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mobayilo.payments.TakeBack.Claim;
import com.mobayilo.payments.TakeBack.DisputeChange;
import com.mobayilo.payments.TakeBack.Refund;
import com.mobayilo.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TakeBackTests {

    private static final Money PAID = Money.cents(1_000);

    @Test
    void aRefundOfMoreThanWasPaidTakesThePaymentAndLeavesTheRestAsExcess() {
        var plan = new TakeBack(PAID, Money.cents(50_000), Money.ZERO, List.of()).plan();
        assertThat(plan.movements()).containsExactly(new Refund(PAID, PAID));
        assertThat(plan.excess()).isEqualTo(Money.cents(49_000));
    }

    @Test
    void aRefundTakesRoomFromADisputeWhichGivesItBackFirst() {
        var plan = new TakeBack(PAID, PAID, Money.ZERO, List.of(new Claim("dp_1", PAID, PAID))).plan();
        assertThat(plan.movements()).containsExactly(new DisputeChange("dp_1", PAID.negate(), Money.ZERO), new Refund(PAID, PAID));
        assertThat(plan.excess()).isEqualTo(PAID);
    }

    @Test
    void aWonDisputeGivesBackOnlyWhatItTook() {
        var plan = new TakeBack(PAID, Money.cents(50_000), PAID, List.of(new Claim("dp_1", Money.ZERO, Money.ZERO))).plan();
        assertThat(plan.movements()).isEmpty();
    }

    @Test
    void nothingIsTakenBeforeThePaymentIsCredited() {
        var plan = new TakeBack(Money.ZERO, PAID, Money.ZERO, List.of(new Claim("dp_1", PAID, Money.ZERO))).plan();
        assertThat(plan.movements()).isEmpty();
        assertThat(plan.excess()).isEqualTo(Money.cents(2_000));
    }

    /**
     * Facts arrive one by one in every order (a refund total, two disputes withdrawn then one won); after each,
     * the plan is carried out. Never more than the payment is taken, and every order ends with the same total.
     */
    @Test
    void everyOrderTakesAtMostThePaymentAndEndsTheSame() {
        var facts = List.of("refund 600", "refund 50000", "dp_a withdraws 800", "dp_b withdraws 100000", "dp_a won");
        Money expected = null;
        for (var order : permutations(facts)) {
            if (order.indexOf("dp_a won") < order.indexOf("dp_a withdraws 800")) {
                continue;
            }
            var state = new State();
            for (var fact : order) {
                state.learn(fact);
                state.settle();
                assertThat(state.total()).as("%s", order).isLessThanOrEqualTo(PAID);
            }
            assertThat(state.taken.get("dp_a")).as("a won dispute keeps nothing, %s", order).isEqualTo(Money.ZERO);
            expected = expected == null ? state.total() : expected;
            assertThat(state.total()).as("%s", order).isEqualTo(expected);
        }
        assertThat(expected).isEqualTo(PAID);
    }

    private static final class State {

        Money refundAsked = Money.ZERO;

        Money refundBooked = Money.ZERO;

        final Map<String, Money> asked = new LinkedHashMap<>(Map.of("dp_a", Money.ZERO, "dp_b", Money.ZERO));

        final Map<String, Money> taken = new LinkedHashMap<>(Map.of("dp_a", Money.ZERO, "dp_b", Money.ZERO));

        void learn(String fact) {
            var words = fact.split(" ");
            switch (words[1]) {
                case "won" -> asked.put(words[0], Money.ZERO);
                case "withdraws" -> asked.put(words[0], Money.cents(Long.parseLong(words[2])));
                default -> refundAsked = refundAsked.max(Money.cents(Long.parseLong(words[1])));
            }
        }

        void settle() {
            var claims = asked.keySet().stream().map(id -> new Claim(id, asked.get(id), taken.get(id))).toList();
            for (var movement : new TakeBack(PAID, refundAsked, refundBooked, claims).plan().movements()) {
                switch (movement) {
                    case Refund refund -> refundBooked = refund.bookedAfter();
                    case DisputeChange change -> taken.put(change.dispute(), change.takenAfter());
                }
            }
        }

        Money total() {
            return taken.values().stream().reduce(refundBooked, Money::plus);
        }
    }

    private static List<List<String>> permutations(List<String> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        var all = new ArrayList<List<String>>();
        for (int i = 0; i < items.size(); i++) {
            var rest = new ArrayList<>(items);
            var first = rest.remove(i);
            for (var tail : permutations(rest)) {
                var order = new ArrayList<String>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
