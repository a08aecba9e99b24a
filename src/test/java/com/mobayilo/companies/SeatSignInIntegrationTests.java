package com.mobayilo.companies;

import java.net.URI;

import com.mobayilo.accounts.LinkNotValid;
import com.mobayilo.accounts.TooManyRequests;
import com.mobayilo.accounts.User;
import com.mobayilo.accounts.Users;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seats' emailed sign-in links: single use, ten minutes, bound to the email, dead for a disabled seat, rate-limited, and silent about who is a seat. */
class SeatSignInIntegrationTests {

    private static final String SUBJECT = "Your Mobayilo sign-in link";

    private static TestApp app;

    private static TestCompany company;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        company = TestCompany.create(app, 0);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aLinkSignsItsSeatInOnceOnly() {
        var seat = company.seat(SeatSettings.UNCAPPED);
        var token = requestToken(seat, "10.0.0.1");
        var principal = signIn().signIn(token).block();
        assertThat(principal.id()).isEqualTo(seat.id());
        assertThat(principal.companyId()).isEqualTo(company.id().value());
        assertThatThrownBy(() -> signIn().signIn(token).block()).isInstanceOf(LinkNotValid.class);
    }

    @Test
    void aLinkIsStoredOnlyAsAHashOf256RandomBits() {
        var seat = company.seat(SeatSettings.UNCAPPED);
        var token = requestToken(seat, "10.0.0.2");
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
        var stored = app.bean(DatabaseClient.class).sql("select token_hash, email from one_time_tokens where user_id = :user and purpose = 'SIGN_IN'")
                .bind("user", seat.id().value()).map(row -> row.get("token_hash", byte[].class)).one().block();
        assertThat(stored).hasSize(32).isNotEqualTo(token.getBytes());
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token);
    }

    @Test
    void aLinkExpiresAfterTenMinutes() {
        var seat = company.seat(SeatSettings.UNCAPPED);
        var token = requestToken(seat, "10.0.0.3");
        var lifetime = app.bean(DatabaseClient.class)
                .sql("select extract(epoch from expires_at - created_at) as seconds from one_time_tokens where user_id = :user and purpose = 'SIGN_IN'")
                .bind("user", seat.id().value()).map(row -> ((Number) row.get("seconds")).doubleValue()).one().block();
        assertThat(lifetime).isBetween(599.0, 601.0);
        app.bean(DatabaseClient.class).sql("update one_time_tokens set expires_at = now() - interval '1 second' where user_id = :user")
                .bind("user", seat.id().value()).then().block();
        assertThatThrownBy(() -> signIn().signIn(token).block()).isInstanceOf(LinkNotValid.class);
    }

    @Test
    void aLinkIsBoundToTheEmailItWasSentTo() {
        var seat = company.seat(SeatSettings.UNCAPPED);
        var token = requestToken(seat, "10.0.0.4");
        app.bean(DatabaseClient.class).sql("update users set email = :email where id = :id").bind("email", TestUsers.email())
                .bind("id", seat.id().value()).then().block();
        assertThatThrownBy(() -> signIn().signIn(token).block()).isInstanceOf(LinkNotValid.class);
    }

    @Test
    void aDisabledSeatsLinksStopWorkingAndItGetsNoNewOnes() {
        var seat = company.seat(SeatSettings.UNCAPPED);
        var token = requestToken(seat, "10.0.0.5");
        app.bean(SeatAdministration.class).disable(company.adminPrincipal(), company.seatOf(seat)).block();
        assertThatThrownBy(() -> signIn().signIn(token).block()).isInstanceOf(LinkNotValid.class);
        var mailsBefore = app.mailsTo(seat.email().value());
        signIn().requestLink(seat.email().value(), "10.0.0.5").block();
        assertThat(app.mailsTo(seat.email().value())).isEqualTo(mailsBefore);
        app.bean(SeatAdministration.class).enable(company.adminPrincipal(), company.seatOf(seat)).block();
        assertThat(signIn().signIn(requestToken(seat, "10.0.0.5")).block().id()).isEqualTo(seat.id());
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndNoMail() {
        var unknown = TestUsers.email();
        signIn().requestLink(unknown, "10.0.0.6").block();
        assertThat(app.mailsTo(unknown)).isZero();
        var individual = TestUsers.individual(app, "en");
        signIn().requestLink(individual.email().value(), "10.0.0.6").block();
        var seat = company.seat(SeatSettings.UNCAPPED);
        requestToken(seat, "10.0.0.6");
        assertThat(app.latestMail(individual.email().value(), SUBJECT)).as("links go to seats only; individuals sign in with their password").isNull();
    }

    @Test
    void oneEmailGetsFiveLinksAnHourWhetherOrNotItIsASeat() {
        var seat = company.seat(SeatSettings.UNCAPPED);
        var unknown = TestUsers.email();
        for (var i = 0; i < 5; i++) {
            signIn().requestLink(seat.email().value(), "10.0.1." + i).block();
            signIn().requestLink(unknown, "10.0.1." + i).block();
        }
        assertThatThrownBy(() -> signIn().requestLink(seat.email().value(), "10.0.1.9").block()).isInstanceOf(TooManyRequests.class);
        assertThatThrownBy(() -> signIn().requestLink(unknown, "10.0.1.9").block()).isInstanceOf(TooManyRequests.class);
    }

    @Test
    void oneClientAddressGetsThirtyRequestsAnHour() {
        for (var i = 0; i < 30; i++) {
            signIn().requestLink(TestUsers.email(), "10.0.2.1").block();
        }
        assertThatThrownBy(() -> signIn().requestLink(TestUsers.email(), "10.0.2.1").block()).isInstanceOf(TooManyRequests.class);
    }

    @Test
    void theInvitationLinkSignsTheSeatInAndMakesItActive() {
        var email = TestUsers.email();
        app.bean(SeatInvitations.class).invite(company.adminPrincipal(), email, "Ines Invited", com.mobayilo.accounts.Role.SEAT,
                SeatSettings.UNCAPPED, java.util.Locale.FRENCH).block();
        var link = app.linkMailedTo(email, "Mobayilo");
        assertThat(link).contains("/signin-link?token=");
        var principal = signIn().signIn(tokenOf(link)).block();
        var seat = app.bean(Seats.class).find(principal.id()).block();
        assertThat(seat.status()).isEqualTo(SeatStatus.ACTIVE);
        assertThat(app.bean(Users.class).findById(principal.id()).block().isEmailVerified()).isTrue();
    }

    private static SeatSignIn signIn() {
        return app.bean(SeatSignIn.class);
    }

    private static String requestToken(User seat, String address) {
        app.bean(DatabaseClient.class).sql("delete from rate_limit_buckets").then().block();
        var before = app.mailsTo(seat.email().value());
        signIn().requestLink(seat.email().value(), address).block();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> app.mailsTo(seat.email().value()) > before);
        return tokenOf(app.linkMailedTo(seat.email().value(), SUBJECT));
    }

    private static String tokenOf(String link) {
        return UriComponentsBuilder.fromUri(URI.create(link)).build().getQueryParams().getFirst("token");
    }

}
