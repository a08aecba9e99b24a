package com.mobayilo.wallet;

public enum HoldStatus {
    ACTIVE, CAPTURED, RELEASED, EXPIRED
}
