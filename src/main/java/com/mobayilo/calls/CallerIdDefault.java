package com.mobayilo.calls;

/** The caller ID shown when a caller has not verified a number of their own ({@code TWILIO_CALLER_ID}). */
public interface CallerIdDefault {

    String number();
}
