package com.mobayilo.wallet;

/** Why money moved, which also decides the system account on the other side. */
public enum TransactionKind {
    TOP_UP(SystemAccount.PAYMENT_CLEARING),
    CALL_CHARGE(SystemAccount.CALL_REVENUE),
    /** A call charge given back, e.g. a call the network dropped in its first seconds (docs/decisions/0026-call-quality.md). */
    CALL_CREDIT(SystemAccount.CALL_REVENUE),
    REFUND(SystemAccount.REFUNDS_CHARGEBACKS),
    CHARGEBACK(SystemAccount.REFUNDS_CHARGEBACKS),
    ADJUSTMENT(SystemAccount.PROMOTIONS_ADJUSTMENTS),
    PROMOTION(SystemAccount.PROMOTIONS_ADJUSTMENTS);

    private final SystemAccount counterpart;

    TransactionKind(SystemAccount counterpart) {
        this.counterpart = counterpart;
    }

    public SystemAccount counterpart() {
        return counterpart;
    }

    /** Only money taken back after a payment may push a balance below zero. */
    public boolean mayOverdraw() {
        return this == REFUND || this == CHARGEBACK;
    }
}
