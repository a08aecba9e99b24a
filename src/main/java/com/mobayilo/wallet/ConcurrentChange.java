package com.mobayilo.wallet;

import org.springframework.dao.TransientDataAccessException;

/**
 * A conditional update found the wallet changed between reading and writing; the whole transaction is run
 * again with fresh numbers.
 */
final class ConcurrentChange extends TransientDataAccessException {

    ConcurrentChange(WalletId wallet) {
        super("Wallet " + wallet + " changed concurrently");
    }
}
