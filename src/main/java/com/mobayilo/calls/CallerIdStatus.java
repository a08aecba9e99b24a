package com.mobayilo.calls;

/** Where a person's own caller ID stands: Twilio is calling them with a code, they typed it, or they did not. */
public enum CallerIdStatus {

    PENDING, VERIFIED, FAILED
}
