package com.mobayilo.wallet;

public final class WalletNotFound extends WalletRefusal {

    public WalletNotFound() {
        super(Kind.NOT_FOUND, "wallet.notfound");
    }
}
