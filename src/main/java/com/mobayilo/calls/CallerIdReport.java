package com.mobayilo.calls;

import java.util.UUID;

/**
 * Twilio's status callback for a verification call: {@code request} comes from the signed callback URL,
 * {@code number} is the called number ({@code To}), {@code verified} is {@code VerificationStatus=success}.
 */
public record CallerIdReport(UUID request, String number, boolean verified, String outgoingCallerIdSid) {
}
