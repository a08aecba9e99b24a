package com.mobayilo.payments;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mobayilo.payments.Dispute.Movement;
import com.mobayilo.payments.Dispute.Status;
import com.mobayilo.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DisputeTests {

    private static final Money AMOUNT = Money.cents(2_500);

    private static final Optional<Boolean> OPENED = Optional.empty();

    private static final Optional<Boolean> WON = Optional.of(true);

    private static final Optional<Boolean> LOST = Optional.of(false);

    /** Every state a dispute can be in, against every event that can reach it. */
    @ParameterizedTest(name = "{0}, debited {1}, then {2} (moves funds {3}) -> {4}, debited {5}, {6}")
    @CsvSource({
            // opened
            "OPEN, false, opened, true,  OPEN, true,  DEBIT",
            "OPEN, false, opened, false, OPEN, false, NONE",
            "OPEN, true,  opened, true,  OPEN, true,  NONE",
            "WON,  false, opened, true,  WON,  false, NONE",
            "LOST, true,  opened, true,  LOST, true,  NONE",
            // closed as won: what was taken comes back, once
            "OPEN, true,  won,    true,  WON,  false, RETURN",
            "OPEN, false, won,    true,  WON,  false, NONE",
            "OPEN, false, won,    false, WON,  false, NONE",
            "WON,  false, won,    true,  WON,  false, NONE",
            // closed as lost: taken if it was not already
            "OPEN, true,  lost,   true,  LOST, true,  NONE",
            "OPEN, false, lost,   true,  LOST, true,  DEBIT",
            "LOST, true,  lost,   true,  LOST, true,  NONE" })
    void whatMovesDependsOnlyOnWhatWasAlreadyMoved(Status status, boolean debited, String event, boolean movesFunds, Status nextStatus,
            boolean nextDebited, Movement movement) {
        var next = dispute(status, debited).after(outcome(event), movesFunds);
        assertThat(next.dispute()).isEqualTo(dispute(nextStatus, nextDebited));
        assertThat(next.movement()).isEqualTo(movement);
    }

    @Test
    void aLostDisputeTakesTheAmountOnceAndAWonOneNothingInAnyOrderHoweverOftenEachEventComes() {
        for (var closing : List.of(WON, LOST)) {
            var expected = closing.get() ? Money.ZERO : AMOUNT.negate();
            for (var events : orders(List.of(OPENED, closing))) {
                var dispute = dispute(Status.OPEN, false);
                var moved = Money.ZERO;
                for (var event : events) {
                    var next = dispute.after(event, true);
                    moved = moved.plus(switch (next.movement()) {
                        case NONE -> Money.ZERO;
                        case DEBIT -> AMOUNT.negate();
                        case RETURN -> AMOUNT;
                    });
                    dispute = next.dispute();
                }
                assertThat(moved).as("%s", events).isEqualTo(expected);
                assertThat(dispute.status()).as("%s", events).isEqualTo(closing.get() ? Status.WON : Status.LOST);
            }
        }
    }

    /** Each event once or twice, in every order: how a provider that retries and does not promise order delivers. */
    private static List<List<Optional<Boolean>>> orders(List<Optional<Boolean>> events) {
        var all = new ArrayList<List<Optional<Boolean>>>();
        for (var copies : List.of(List.of(1, 1), List.of(2, 1), List.of(1, 2), List.of(2, 2))) {
            var bag = new ArrayList<Optional<Boolean>>();
            for (int i = 0; i < events.size(); i++) {
                for (int copy = 0; copy < copies.get(i); copy++) {
                    bag.add(events.get(i));
                }
            }
            permutations(bag, new ArrayList<>(), all);
        }
        return all;
    }

    private static void permutations(List<Optional<Boolean>> left, List<Optional<Boolean>> prefix, List<List<Optional<Boolean>>> all) {
        if (left.isEmpty()) {
            all.add(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < left.size(); i++) {
            var rest = new ArrayList<>(left);
            prefix.add(rest.remove(i));
            permutations(rest, prefix, all);
            prefix.removeLast();
        }
    }

    private static Optional<Boolean> outcome(String event) {
        return switch (event) {
            case "opened" -> OPENED;
            case "won" -> WON;
            default -> LOST;
        };
    }

    private static Dispute dispute(Status status, boolean debited) {
        return new Dispute("dp_1QxYz2AbCdEfGh9z8y7x6w5v", new TopUpId(UUID.fromString("6f1c2b9e-3d4a-4f5b-8c7d-9e0f1a2b3c4d")), AMOUNT,
                status, debited);
    }
}
