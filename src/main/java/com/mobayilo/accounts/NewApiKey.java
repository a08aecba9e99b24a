package com.mobayilo.accounts;

/** A key just created: the only moment its secret exists outside the caller's hands. */
public record NewApiKey(ApiKey key, String secret) {
}
