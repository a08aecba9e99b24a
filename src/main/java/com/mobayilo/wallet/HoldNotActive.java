package com.mobayilo.wallet;

public final class HoldNotActive extends WalletRefusal {

    private final HoldStatus status;

    public HoldNotActive(HoldId hold, HoldStatus status) {
        super(Kind.CONFLICT, "wallet.hold.inactive", hold.toString(), status.name());
        this.status = status;
    }

    public HoldStatus status() {
        return status;
    }
}
