package com.mobayilo.wallet;

import java.util.UUID;

/** The result of posting: the journal transaction and the wallet's balance after it. */
public record Posted(UUID transaction, Balance balance, boolean alreadyPosted) {
}
