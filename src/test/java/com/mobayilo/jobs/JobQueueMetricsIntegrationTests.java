package com.mobayilo.jobs;

import java.util.regex.Pattern;

import com.mobayilo.testing.Http;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator's scrape shows the queue by job type (issue 18, section 4). */
class JobQueueMetricsIntegrationTests {

    private static TestApp app;

    private static DatabaseClient db;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
        db = app.bean(DatabaseClient.class);
    }

    @Test
    void theScrapeShowsWaitingDueAgedAndFailedJobsByType() {
        // Leased far ahead, so no worker takes them while the test reads the gauges.
        db.sql("""
                insert into jobs (type, payload, run_at, locked_until) values
                    ('test.metrics', '{}', now() - interval '90 seconds', now() + interval '1 hour'),
                    ('test.metrics', '{}', now() + interval '1 hour', now() + interval '1 hour')""").then().block();
        db.sql("insert into jobs (type, payload, attempts, failed_at, last_error) values ('test.metrics', '{}', 8, now(), 'gone')").then().block();

        app.bean(JobQueueMetrics.class).sample().block();
        var scrape = Http.get(app.coreUrl() + "/actuator/prometheus").body();

        assertThat(gauge(scrape, "mobayilo_jobs_waiting", "type=\"test.metrics\"")).isEqualTo(2);
        assertThat(gauge(scrape, "mobayilo_jobs_due", "type=\"test.metrics\"")).isEqualTo(1);
        assertThat(gauge(scrape, "mobayilo_jobs_oldest_due_seconds", "type=\"test.metrics\"")).isBetween(89.0, 300.0);
        assertThat(gauge(scrape, "mobayilo_jobs_failed", "type=\"test.metrics\"")).isEqualTo(1);
    }

    static double gauge(String scrape, String name, String tag) {
        var line = Pattern.compile("^" + name + "\\{[^}]*" + Pattern.quote(tag) + "[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        assertThat(line.find()).as("%s{%s} in the scrape", name, tag).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
