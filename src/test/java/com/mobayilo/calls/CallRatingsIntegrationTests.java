package com.mobayilo.calls;

import java.util.EnumSet;

import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ratings are stored once per call that connected, only by its own caller (docs/decisions/0026-call-quality.md). */
class CallRatingsIntegrationTests {

    private static TestApp app;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        phone = new Telephony(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theCallerRatesTheirAnsweredCallOnceAndNobodyElseCan() {
        var caller = phone.caller(500);
        var stranger = phone.caller(500);
        var callSid = answered(caller);
        var ratings = app.bean(CallRatings.class);
        assertThat(ratings.rateable(stranger.id(), callSid).block()).isFalse();
        assertThatThrownBy(() -> ratings.rate(stranger.id(), callSid, 1, EnumSet.noneOf(RatingIssue.class)).block())
                .isInstanceOfSatisfying(CallRatingRefused.class, refused -> assertThat(refused.messageKey()).isEqualTo("callrating.refused.call"));
        assertThat(ratings.rateable(caller.id(), callSid).block()).isTrue();
        ratings.rate(caller.id(), callSid, 4, EnumSet.of(RatingIssue.CHOPPY_AUDIO)).block();
        assertThat(ratings.rateable(caller.id(), callSid).block()).isFalse();
        assertThatThrownBy(() -> ratings.rate(caller.id(), callSid, 5, EnumSet.noneOf(RatingIssue.class)).block())
                .isInstanceOfSatisfying(CallRatingRefused.class, refused -> assertThat(refused.messageKey()).isEqualTo("callrating.refused.twice"));
        var congo = ratings.byDestination().filter(row -> row.country().value().equals("CD")).blockFirst();
        assertThat(congo.issues().get(RatingIssue.CHOPPY_AUDIO)).isPositive();
    }

    @Test
    void aCallThatNeverConnectedOrAScoreOutsideOneToFiveIsRefused() {
        var caller = phone.caller(500);
        var busy = Telephony.newSid();
        phone.voice(busy, caller, "+243812345678");
        phone.status(busy, busy + "c", "busy", 0);
        var ratings = app.bean(CallRatings.class);
        assertThat(ratings.rateable(caller.id(), busy).block()).isFalse();
        assertThatThrownBy(() -> ratings.rate(caller.id(), busy, 3, EnumSet.noneOf(RatingIssue.class)).block()).isInstanceOf(CallRatingRefused.class);
        assertThatThrownBy(() -> ratings.rate(caller.id(), answered(caller), 6, EnumSet.noneOf(RatingIssue.class)).block())
                .isInstanceOfSatisfying(CallRatingRefused.class, refused -> assertThat(refused.messageKey()).isEqualTo("callrating.refused.score"));
    }

    private static String answered(com.mobayilo.accounts.User caller) {
        var callSid = Telephony.newSid();
        phone.voice(callSid, caller, "+243812345678");
        phone.status(callSid, callSid + "c", "in-progress", null);
        phone.status(callSid, callSid + "c", "completed", 42);
        return callSid;
    }
}
