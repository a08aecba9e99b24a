package com.mobayilo.wallet;

/** A company seat asked for its company's wallet: the balance is its admins' business, the seat sees its limits. */
public final class SeatWalletHidden extends WalletRefusal {

    public SeatWalletHidden() {
        super(Kind.FORBIDDEN, "wallet.seat.hidden");
    }
}
