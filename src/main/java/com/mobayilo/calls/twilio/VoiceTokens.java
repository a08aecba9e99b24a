package com.mobayilo.calls.twilio;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.mobayilo.accounts.UserId;
import com.mobayilo.calls.CallSettings;
import com.mobayilo.calls.Callers;
import com.mobayilo.ratelimit.RateLimit;
import com.mobayilo.ratelimit.RateLimits;
import com.twilio.jwt.accesstoken.AccessToken;
import com.twilio.jwt.accesstoken.VoiceGrant;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Access tokens for the browser's Voice SDK: a {@code VoiceGrant} for Mobayilo's TwiML app, the caller's
 * opaque voice identity, and a short life (at most an hour). The dialer asks for a new one when the SDK says
 * the current one is about to expire. In sandbox mode the sandbox carrier checks them with the same secret.
 */
@Service
public class VoiceTokens {

    /** A dialer needs one token per hour and a few for reloads; a flood means a script or a stolen session. */
    static final RateLimit PER_USER = new RateLimit("voice-tokens-user", 20, Duration.ofMinutes(10));

    static final RateLimit PER_ADDRESS = new RateLimit("voice-tokens-address", 60, Duration.ofMinutes(10));

    private final TwilioAccount account;

    private final RateLimits limits;

    private final Callers callers;

    private final CallSettings settings;

    private final Clock clock;

    VoiceTokens(TwilioAccount account, RateLimits limits, Callers callers, CallSettings settings, Clock clock) {
        this.account = account;
        this.limits = limits;
        this.callers = callers;
        this.settings = settings;
        this.clock = clock;
    }

    /** A token for {@code user}, asking from {@code clientAddress}; both are rate-limited, across instances. */
    public Mono<Token> issue(UserId user, String clientAddress) {
        return limits.consume(PER_USER, user.value().toString())
                .zipWith(limits.consume(PER_ADDRESS, clientAddress == null ? "unknown" : clientAddress))
                .flatMap(verdicts -> {
                    var refused = !verdicts.getT1().allowed() ? verdicts.getT1() : !verdicts.getT2().allowed() ? verdicts.getT2() : null;
                    return refused == null ? callers.identityOf(user).map(this::tokenFor) : Mono.error(new TokensThrottled(refused.retryAfter()));
                });
    }

    private Token tokenFor(String identity) {
        var ttl = (int) settings.tokenTtl().toSeconds();
        var grant = new VoiceGrant().setOutgoingApplicationSid(account.twimlAppSid()).setIncomingAllow(false);
        var jwt = new AccessToken.Builder(account.accountSid(), account.apiKey(), account.apiSecret().getBytes(StandardCharsets.UTF_8))
                .identity(identity)
                .ttl(ttl)
                .grant(grant)
                .build()
                .toJwt();
        return new Token(jwt, identity, clock.instant().plusSeconds(ttl));
    }

    /** A token, who it names, and when it expires. */
    public record Token(String jwt, String identity, Instant expiresAt) {
    }
}
