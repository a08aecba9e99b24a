package com.mobayilo.jobs;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimedJobTests {

    @Test
    void retriesBackOffExponentiallyFromTenSeconds() {
        assertThat(job(1).retryDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(job(2).retryDelay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(job(4).retryDelay()).isEqualTo(Duration.ofSeconds(80));
    }

    @Test
    void noRetryWaitsLongerThanAnHour() {
        assertThat(job(12).retryDelay()).isEqualTo(Duration.ofHours(1));
        assertThat(job(60).retryDelay()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theLastAttemptIsKnown() {
        assertThat(job(7).isLastAttempt()).isFalse();
        assertThat(job(8).isLastAttempt()).isTrue();
    }

    private static ClaimedJob job(int attempts) {
        return new ClaimedJob(1, "mail.send", "{}", attempts, 8);
    }
}
