package com.mobayilo.calls;

import java.util.Optional;

import com.mobayilo.accounts.User;
import com.mobayilo.wallet.WalletId;

/** The person behind a browser's call: who they are, the wallet that pays, and their verified caller ID if any. */
public record Caller(User user, WalletId wallet, Optional<String> verifiedNumber) {
}
