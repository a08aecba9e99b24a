package com.mobayilo.payments.sandbox;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A card as typed on the sandbox checkout, checked as a hosted card form checks it (length, Luhn, expiry). */
public record CardDetails(String number, YearMonth expiry, String cvc, String name) {

    private static final Pattern EXPIRY = Pattern.compile("(\\d{2})\\s*/\\s*(\\d{2})");

    public enum Problem {
        NUMBER_INCOMPLETE, NUMBER_INVALID, EXPIRY_INVALID, EXPIRED, CVC_INVALID, NAME_MISSING
    }

    /** What is wrong with the typed card, field by field, in form order; empty when it can be charged. */
    public static List<Problem> problems(String number, String expiry, String cvc, String name, YearMonth thisMonth) {
        var problems = new ArrayList<Problem>();
        var digits = digits(number);
        if (digits.length() < 12 || digits.length() > 19) {
            problems.add(Problem.NUMBER_INCOMPLETE);
        }
        else if (!passesLuhn(digits)) {
            problems.add(Problem.NUMBER_INVALID);
        }
        var month = expiry(expiry);
        if (month.isEmpty()) {
            problems.add(Problem.EXPIRY_INVALID);
        }
        else if (month.get().isBefore(thisMonth)) {
            problems.add(Problem.EXPIRED);
        }
        if (cvc == null || !cvc.strip().matches("\\d{3,4}")) {
            problems.add(Problem.CVC_INVALID);
        }
        if (name == null || name.isBlank()) {
            problems.add(Problem.NAME_MISSING);
        }
        return problems;
    }

    public static CardDetails of(String number, String expiry, String cvc, String name, YearMonth thisMonth) {
        var problems = problems(number, expiry, cvc, name, thisMonth);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Not a card that can be charged: " + problems);
        }
        return new CardDetails(digits(number), expiry(expiry).orElseThrow(), cvc.strip(), name.strip());
    }

    /** Stripe's name for the card's network, from its first digits. */
    public String brand() {
        if (number.startsWith("4")) {
            return "visa";
        }
        if (number.matches("5[1-5].*|2(2[2-9]|[3-6]\\d|7[01]|720).*")) {
            return "mastercard";
        }
        return number.matches("3[47].*") ? "amex" : "unknown";
    }

    public String last4() {
        return number.substring(number.length() - 4);
    }

    private static String digits(String typed) {
        return typed == null || !typed.matches("[\\d\\s-]*") ? "" : typed.replaceAll("\\D", "");
    }

    private static Optional<YearMonth> expiry(String typed) {
        var matcher = EXPIRY.matcher(typed == null ? "" : typed.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.of(2000 + Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(1))));
        }
        catch (DateTimeException noSuchMonth) {
            return Optional.empty();
        }
    }

    static boolean passesLuhn(String digits) {
        var sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            var digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 != 0) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
