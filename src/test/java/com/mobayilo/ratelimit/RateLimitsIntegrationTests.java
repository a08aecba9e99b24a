package com.mobayilo.ratelimit;

import java.time.Duration;

import com.mobayilo.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Token buckets in PostgreSQL, shared by instances and exact under concurrency. */
class RateLimitsIntegrationTests {

    private static final RateLimit FIVE_AN_HOUR = new RateLimit("test", 5, Duration.ofHours(1));

    private final DatabaseClient db = TestDatabase.fresh().migratedClient();

    @Test
    void aBucketAllowsItsCapacityThenSaysHowLongToWait() {
        var limits = new RateLimits(db);
        for (int i = 0; i < 5; i++) {
            assertThat(limits.consume(FIVE_AN_HOUR, "amani@example.cd").block().allowed()).isTrue();
        }
        var refused = limits.consume(FIVE_AN_HOUR, "amani@example.cd").block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofMinutes(11), Duration.ofMinutes(13));
        assertThat(limits.check(FIVE_AN_HOUR, "someone-else@example.cd").block().allowed()).isTrue();
    }

    @Test
    void twoInstancesShareOneBucket() {
        var instanceA = new RateLimits(db);
        var instanceB = new RateLimits(db);
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? instanceA : instanceB).consume(FIVE_AN_HOUR, "shared").block();
        }
        assertThat(instanceB.check(FIVE_AN_HOUR, "shared").block().allowed()).isFalse();
        assertThat(instanceA.consume(FIVE_AN_HOUR, "shared").block().allowed()).isFalse();
    }

    @Test
    void concurrentConsumersNeverGetMoreThanTheCapacity() {
        var limits = new RateLimits(db);
        var limit = new RateLimit("burst", 10, Duration.ofHours(1));
        var allowed = Flux.range(0, 60)
                .flatMap(i -> limits.consume(limit, "hot-subject"), 30)
                .filter(Verdict::allowed)
                .count().block();
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void resettingForgetsTheHistory() {
        var limits = new RateLimits(db);
        for (int i = 0; i < 6; i++) {
            limits.consume(FIVE_AN_HOUR, "forgiven").block();
        }
        limits.reset(FIVE_AN_HOUR, "forgiven").block();
        assertThat(limits.check(FIVE_AN_HOUR, "forgiven").block().allowed()).isTrue();
    }

    @Test
    void subjectsAreStoredOnlyAsHashes() {
        new RateLimits(db).consume(FIVE_AN_HOUR, "private@example.com").block();
        var keys = db.sql("select key from rate_limit_buckets").map(row -> row.get("key", String.class)).all().collectList().block();
        assertThat(keys).singleElement().asString().startsWith("test:").doesNotContain("private");
    }
}
