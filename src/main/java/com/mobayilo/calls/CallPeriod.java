package com.mobayilo.calls;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The days of call history a person asked for, in their own time zone: from the start of {@code from} to the
 * end of {@code to}, either end open when not given.
 */
public record CallPeriod(Instant from, Instant to) {

    public static final CallPeriod ALL = new CallPeriod(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z"));

    public static CallPeriod of(LocalDate from, LocalDate to, ZoneId zone) {
        return new CallPeriod(from == null ? ALL.from : from.atStartOfDay(zone).toInstant(),
                to == null ? ALL.to : to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
