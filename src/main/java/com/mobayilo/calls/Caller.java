package com.mobayilo.calls;

import java.util.Optional;

import com.mobayilo.accounts.User;
import com.mobayilo.wallet.WalletId;

/**
 * The person behind a browser's call: who they are, the wallet that pays (a company member's is the company's),
 * their verified caller ID if any, and, for a company seat, the limits its admins set.
 */
public record Caller(User user, WalletId wallet, Optional<String> verifiedNumber, Optional<SeatLimits> seat) {

    /** The number the person called sees: their own verified one, else the one their company assigned, else none. */
    public Optional<String> callerNumber() {
        return verifiedNumber.or(() -> seat.flatMap(SeatLimits::assignedCallerId));
    }
}
