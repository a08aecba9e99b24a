package com.mobayilo.rating;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import com.mobayilo.shared.CountryCode;

/**
 * A valid phone number: E.164 for storage and Twilio, the international format for people, its country and
 * the kind of line it reaches. Parsing accepts what people type and paste: national format in their home
 * country, {@code +} or {@code 00}, spaces, dots, dashes, parentheses and {@code tel:} links.
 */
public record PhoneNumber(String e164, int callingCode, CountryCode country, NumberType type, String international) {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

    private static final int LONGEST_INPUT = 100;

    /** Parses {@code raw}; numbers without a country code are read as numbers of {@code home}. */
    public static PhoneNumber parse(String raw, CountryCode home) {
        var cleaned = clean(raw);
        if (cleaned.isEmpty()) {
            throw new InvalidNumber(InvalidNumber.Problem.EMPTY);
        }
        if (cleaned.chars().noneMatch(Character::isDigit)) {
            throw new InvalidNumber(InvalidNumber.Problem.NOT_A_NUMBER);
        }
        var region = home == null ? "ZZ" : home.value();
        var parsed = parseWithRegion(cleaned, region);
        if (!NUMBERS.isValidNumber(parsed) && cleaned.startsWith("00")) {
            parsed = parseWithRegion("+" + cleaned.substring(2), region);
        }
        requireValid(parsed);
        // What is stored and dialled is the E.164 form: it must itself be a valid number (found by fuzzing:
        // some inputs are valid only with flags that E.164 drops).
        var canonical = parseWithRegion(NUMBERS.format(parsed, PhoneNumberFormat.E164), "ZZ");
        requireValid(canonical);
        return of(canonical);
    }

    /** A typical number of this kind in this country, if libphonenumber knows one. */
    public static Optional<PhoneNumber> example(CountryCode country, NumberType type) {
        var kind = type == NumberType.MOBILE ? PhoneNumberUtil.PhoneNumberType.MOBILE : PhoneNumberUtil.PhoneNumberType.FIXED_LINE;
        return Optional.ofNullable(NUMBERS.getExampleNumberForType(country.value(), kind)).map(PhoneNumber::of);
    }

    /** The calling code dialled before the numbers of {@code country} (33 for France); 0 when it has none. */
    public static int callingCodeOf(CountryCode country) {
        return NUMBERS.getCountryCodeForRegion(country.value());
    }

    /** The digits after the plus, which the rate deck's prefixes are matched against. */
    public String digits() {
        return e164.substring(1);
    }

    /** Satellite and international networks (+870, +881, +882, +883 …) belong to no country. */
    public boolean isNonGeographic() {
        return country == null;
    }

    public Optional<CountryCode> countryCode() {
        return Optional.ofNullable(country);
    }

    /** The number with its middle digits hidden, for dashboards that must not show who is being called. */
    public String masked() {
        var visible = international.length() > 6 ? 4 : 2;
        var builder = new StringBuilder();
        var digitsSeen = 0;
        var totalDigits = international.chars().filter(Character::isDigit).count();
        var countryDigits = Integer.toString(callingCode).length();
        for (var c : international.toCharArray()) {
            if (Character.isDigit(c)) {
                digitsSeen++;
                builder.append(digitsSeen <= countryDigits || digitsSeen > totalDigits - visible ? c : '•');
            }
            else {
                builder.append(c);
            }
        }
        return builder.toString();
    }

    /** Extensions cannot be dialled through the carrier, so a number is always without one. */
    static PhoneNumber of(Phonenumber.PhoneNumber parsed) {
        parsed.clearExtension();
        var region = NUMBERS.getRegionCodeForNumber(parsed);
        var country = region == null || !CountryCode.isKnown(region) ? null : CountryCode.of(region);
        return new PhoneNumber(NUMBERS.format(parsed, PhoneNumberFormat.E164), parsed.getCountryCode(), country,
                NumberType.of(NUMBERS.getNumberType(parsed)), NUMBERS.format(parsed, PhoneNumberFormat.INTERNATIONAL));
    }

    private static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        var text = raw.length() > LONGEST_INPUT ? raw.substring(0, LONGEST_INPUT) : raw;
        text = text.strip();
        if (text.regionMatches(true, 0, "tel:", 0, 4) || text.regionMatches(true, 0, "callto:", 0, 7)) {
            text = text.substring(text.indexOf(':') + 1);
            text = decode(text);
            var parameters = text.indexOf(';');
            text = parameters >= 0 ? text.substring(0, parameters) : text;
        }
        return text.strip();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static Phonenumber.PhoneNumber parseWithRegion(String text, String region) {
        try {
            return NUMBERS.parse(text, region);
        }
        catch (NumberParseException ex) {
            throw new InvalidNumber(switch (ex.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "ZZ".equals(region) && !text.startsWith("+") && !text.startsWith("00")
                        ? InvalidNumber.Problem.NEEDS_COUNTRY_CODE : InvalidNumber.Problem.UNKNOWN_COUNTRY_CODE;
                case NOT_A_NUMBER -> InvalidNumber.Problem.NOT_A_NUMBER;
                case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> InvalidNumber.Problem.TOO_SHORT;
                case TOO_LONG -> InvalidNumber.Problem.TOO_LONG;
            });
        }
    }

    private static void requireValid(Phonenumber.PhoneNumber parsed) {
        // E.164 allows fifteen digits in all; a few national plans would allow more, but no carrier routes them.
        if (NUMBERS.format(parsed, PhoneNumberFormat.E164).length() > 16) {
            throw new InvalidNumber(InvalidNumber.Problem.TOO_LONG);
        }
        if (NUMBERS.isValidNumber(parsed)) {
            return;
        }
        throw new InvalidNumber(switch (NUMBERS.isPossibleNumberWithReason(parsed)) {
            case INVALID_COUNTRY_CODE -> InvalidNumber.Problem.UNKNOWN_COUNTRY_CODE;
            // a number that could only be dialled locally lacks its area code: for the caller, it is too short
            case TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY -> InvalidNumber.Problem.TOO_SHORT;
            case TOO_LONG -> InvalidNumber.Problem.TOO_LONG;
            case INVALID_LENGTH -> InvalidNumber.Problem.INVALID_LENGTH;
            case IS_POSSIBLE -> InvalidNumber.Problem.NOT_IN_USE;
        });
    }

}
