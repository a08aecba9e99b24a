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
import com.mobayilo.wallet.Wallet;
import com.mobayilo.wallet.WalletId;
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

    private final Ledger ledger;

    private final CallerLimits limits;

    Callers(DatabaseClient db, Ledger ledger, CallerLimits limits) {
        this.db = db;
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

    /**
     * Who is calling from {@code client:<identity>}; empty for an identity we never issued. The voice webhook asks
     * on every call, so the person, their verified caller ID and the wallet that pays are read in one statement.
     */
    public Mono<Caller> byIdentity(String identity) {
        return db.sql("""
                        select %s, c.number as verified_number, w.id as paying_wallet from voice_identities v
                        join users u on u.id = v.user_id
                        left join caller_ids c on c.owner_id = v.user_id and c.status = 'VERIFIED'
                        left join wallets w on w.owner_type = case when u.company_id is null then 'USER' else 'COMPANY' end
                                           and w.owner_id = coalesce(u.company_id, u.id)
                        where v.identity = :identity""".formatted(Users.columns("u")))
                .bind("identity", identity)
                .map(row -> new Identified(Users.read(row), Optional.ofNullable(row.get("verified_number", String.class)),
                        Optional.ofNullable(row.get("paying_wallet", UUID.class)).map(WalletId::new))).one()
                .flatMap(this::callerOf);
    }

    private Mono<Caller> callerOf(Identified identified) {
        var user = identified.user();
        var wallet = identified.wallet().map(Mono::just).orElseGet(() -> ledger.walletOf(payerOf(user)).map(Wallet::id));
        var seat = user.company().isPresent() ? limits.limitsOf(user).map(Optional::of) : Mono.just(Optional.<SeatLimits>empty());
        return Mono.zip(wallet, seat, (paying, limitsOfSeat) -> new Caller(user, paying, identified.verifiedNumber(), limitsOfSeat));
    }

    /** Who pays for a person's calls: their company, else themselves. */
    private static Owner payerOf(User user) {
        return user.company().map(Owner::company).orElseGet(() -> Owner.user(user.id().value()));
    }

    /** An identity's person, their verified caller ID and the wallet that pays, when it was opened already. */
    private record Identified(User user, Optional<String> verifiedNumber, Optional<WalletId> wallet) {
    }

    private static byte[] randomBytes() {
        var bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
