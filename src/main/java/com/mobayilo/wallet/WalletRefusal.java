package com.mobayilo.wallet;

import com.mobayilo.shared.DomainException;

/** Why the ledger said no. */
public abstract sealed class WalletRefusal extends DomainException
        permits InsufficientCredit, CaptureExceedsHold, HoldNotActive, InvalidAmount, ReasonRequired, WalletNotFound, SeatWalletHidden {

    protected WalletRefusal(Kind kind, String messageKey, Object... arguments) {
        super(kind, messageKey, arguments);
    }
}
