package com.mobayilo.payments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mobayilo.shared.Money;

/**
 * What one top-up's refunds and disputes take back from its wallet: in all, never more than the top-up credited
 * (docs/decisions/0024-taking-back-payments-and-memo-keys.md). Refunds come first, since they are final; then each dispute whose
 * funds are withdrawn, in id order, takes what room is left, up to its amount; a dispute no longer withdrawing
 * (won) gives back exactly what it took. The target depends only on what is known, never on the order it became
 * known, so any order and any redelivery of the events end the same.
 *
 * @param credited what the top-up put in the wallet (zero until it is paid and credited)
 * @param refundAsked the refunded total Stripe reported, the largest seen
 * @param refundBooked what the ledger already took for refunds
 */
record TakeBack(Money credited, Money refundAsked, Money refundBooked, List<Claim> disputes) {

    /** A dispute: what it asks while its funds are withdrawn (zero once won or for an inquiry), and what it took. */
    record Claim(String dispute, Money asked, Money taken) {
    }

    /** One booking towards the target: a refund, or a dispute taking (positive) or giving back (negative) {@code change}. */
    sealed interface Movement {
    }

    record Refund(Money amount, Money bookedAfter) implements Movement {
    }

    record DisputeChange(String dispute, Money change, Money takenAfter) implements Movement {
    }

    /** The bookings to make (give-backs first) and what is asked beyond the payment, which nobody books. */
    record Plan(List<Movement> movements, Money excess) {

        boolean needsReview() {
            return excess.isPositive();
        }
    }

    Plan plan() {
        var refundTarget = refundAsked.min(credited).max(refundBooked);
        var room = credited.minus(refundTarget);
        var asked = refundAsked;
        var gives = new ArrayList<Movement>();
        var takes = new ArrayList<Movement>();
        if (refundTarget.isGreaterThan(refundBooked)) {
            takes.add(new Refund(refundTarget.minus(refundBooked), refundTarget));
        }
        for (var claim : disputes.stream().sorted(Comparator.comparing(Claim::dispute)).toList()) {
            var target = room.isPositive() ? claim.asked().min(room) : Money.ZERO;
            room = room.minus(target);
            asked = asked.plus(claim.asked());
            var change = target.minus(claim.taken());
            if (!change.isZero()) {
                (change.isPositive() ? takes : gives).add(new DisputeChange(claim.dispute(), change, target));
            }
        }
        gives.addAll(takes);
        var excess = asked.minus(credited);
        return new Plan(List.copyOf(gives), excess.isPositive() ? excess : Money.ZERO);
    }
}
