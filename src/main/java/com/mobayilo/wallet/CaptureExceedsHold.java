package com.mobayilo.wallet;

import com.mobayilo.shared.Money;

public final class CaptureExceedsHold extends WalletRefusal {

    public CaptureExceedsHold(Money charge, Money held) {
        super(Kind.CONFLICT, "wallet.capture.exceeds", charge.cents(), held.cents());
    }
}
