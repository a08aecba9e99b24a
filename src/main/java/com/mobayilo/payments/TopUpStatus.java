package com.mobayilo.payments;

/** Where a purchase of credit stands: chosen, paid by a method that settles later, paid and credited, or failed. */
public enum TopUpStatus {
    OPEN, PROCESSING, PAID, FAILED;

    public boolean isSettled() {
        return this == PAID || this == FAILED;
    }
}
