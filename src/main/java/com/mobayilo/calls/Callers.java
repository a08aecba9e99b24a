package com.mobayilo.calls;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import com.mobayilo.accounts.User;
import com.mobayilo.accounts.UserId;
import com.mobayilo.accounts.Users;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Voice identities: the opaque name a person's browser uses with Twilio ({@code client:<identity>}). It is
 * random, stable and never the email, so nothing personal travels through the carrier.
 */
@Component
public class Callers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;

    private final Users users;

    private final Ledger ledger;

    private final CallerLimits limits;

    Callers(DatabaseClient db, Users users, Ledger ledger, CallerLimits limits) {
        this.db = db;
        this.users = users;
        this.ledger = ledger;
        this.limits = limits;
    }

    /** This person's identity, created on first use. */
    public Mono<String> identityOf(UserId user) {
        var fresh = "u" + HexFormat.of().formatHex(randomBytes());
        return db.sql("insert into voice_identities (identity, user_id) values (:identity, :user) on conflict (user_id) do nothing")
                .bind("identity", fresh).bind("user", user.value()).then()
                .then(db.sql("select identity from voice_identities where user_id = :user").bind("user", user.value())
                        .map(row -> row.get("identity", String.class)).one());
    }

    /** Who is calling from {@code client:<identity>}; empty for an identity we never issued. */
    public Mono<Caller> byIdentity(String identity) {
        return db.sql("""
                        select v.user_id, c.number from voice_identities v
                        left join caller_ids c on c.owner_id = v.user_id and c.status = 'VERIFIED'
                        where v.identity = :identity""")
                .bind("identity", identity)
                .map(row -> new Identified(new UserId(row.get("user_id", UUID.class)), Optional.ofNullable(row.get("number", String.class)))).one()
                .flatMap(identified -> users.findById(identified.user()).flatMap(user -> callerOf(user, identified.verifiedNumber())));
    }

    private Mono<Caller> callerOf(User user, Optional<String> verifiedNumber) {
        var owner = user.company().map(Owner::company).orElseGet(() -> Owner.user(user.id().value()));
        var seat = user.company().isPresent() ? limits.limitsOf(user).map(Optional::of) : Mono.just(Optional.<SeatLimits>empty());
        return Mono.zip(ledger.walletOf(owner), seat, (wallet, limitsOfSeat) -> new Caller(user, wallet.id(), verifiedNumber, limitsOfSeat));
    }

    /** An identity's person and their verified caller ID, read in one statement on every call. */
    private record Identified(UserId user, Optional<String> verifiedNumber) {
    }

    private static byte[] randomBytes() {
        var bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
