package com.mobayilo.ui;

import java.time.Duration;

/**
 * How long a person's request waits for the database before the UI says "temporarily unavailable"
 * (docs/decisions/0035-behaviour-under-database-faults.md). Every blocking read or write in a view passes one of these
 * to {@code block}: a frozen primary answers nothing and the driver would wait for as long as TCP allows, all the while
 * holding the Vaadin session lock. The timeout surfaces as a {@link java.util.concurrent.TimeoutException} cause,
 * which {@code DatabaseUnavailable} recognises, so {@code UiErrors} and {@code ErrorView} show the outage message.
 */
public final class UiWait {

    /**
     * Longer than the pool's connect and acquire timeouts (3 s, decision 0034), so a database that is down fails with
     * the driver's own error first; short enough that a person is told rather than left looking at a spinner.
     */
    public static final Duration LIMIT = Duration.ofSeconds(5);

    /**
     * The check that runs before every request (is this session still allowed?): one primary-key read. Shorter, so
     * that in an outage it gives way quickly to the page's own reads, which then tell the person.
     */
    public static final Duration CHECK = Duration.ofSeconds(2);

    /** An operator's rate-deck import writes thousands of rows in one transaction. */
    public static final Duration IMPORT = Duration.ofMinutes(2);

    private UiWait() {
    }
}
