package com.mobayilo.payments;

import com.mobayilo.shared.DomainException;

/**
 * The card's bank refused an off-session charge ({@code card_declined}, {@code insufficient_funds},
 * {@code authentication_required}, …): the person has to act, so auto-recharge stops.
 */
public final class CardRefused extends DomainException {

    private final String code;

    public CardRefused(String code) {
        super(Kind.PAYMENT_REQUIRED, "autorecharge.refused", code);
        this.code = code == null || code.isBlank() ? "card_declined" : code;
    }

    public String code() {
        return code;
    }
}
