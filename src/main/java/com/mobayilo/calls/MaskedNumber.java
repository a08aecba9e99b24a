package com.mobayilo.calls;

import com.mobayilo.rating.InvalidNumber;
import com.mobayilo.rating.PhoneNumber;
import com.mobayilo.shared.CountryCode;

/** A dialled number as a company's admins see it: country code and last digits only. */
public final class MaskedNumber {

    private MaskedNumber() {
    }

    public static String of(String destination) {
        if (destination == null || destination.isBlank()) {
            return "";
        }
        try {
            return PhoneNumber.parse(destination, CountryCode.of("US")).masked();
        }
        catch (InvalidNumber invalid) {
            return "•".repeat(Math.min(destination.length(), 8));
        }
    }
}
