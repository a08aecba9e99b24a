package com.mobayilo.payments;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.mobayilo.accounts.UserId;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.WalletId;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Each wallet's auto-recharge settings and saved card. */
@Repository
class AutoRecharges {

    private static final String COLUMNS = """
            wallet_id, payer_id, enabled, threshold_cents, amount_cents, ceiling_cents, customer_id, payment_method_id, card_top_up_id,
            disabled_reason""";

    private final DatabaseClient db;

    AutoRecharges(DatabaseClient db) {
        this.db = db;
    }

    Mono<AutoRecharge> find(WalletId wallet) {
        return db.sql("select " + COLUMNS + " from auto_recharges where wallet_id = :wallet").bind("wallet", wallet.value())
                .map(AutoRecharges::autoRecharge).one();
    }

    Mono<AutoRecharge> lock(WalletId wallet) {
        return db.sql("select " + COLUMNS + " from auto_recharges where wallet_id = :wallet for update").bind("wallet", wallet.value())
                .map(AutoRecharges::autoRecharge).one();
    }

    /** Saves the settings; the saved card is kept as it is. */
    Mono<Void> save(AutoRecharge settings) {
        return db.sql("""
                        insert into auto_recharges (wallet_id, payer_id, enabled, threshold_cents, amount_cents, ceiling_cents, disabled_reason)
                        values (:wallet, :payer, :enabled, :threshold, :amount, :ceiling, null)
                        on conflict (wallet_id) do update set payer_id = excluded.payer_id, enabled = excluded.enabled,
                            threshold_cents = excluded.threshold_cents, amount_cents = excluded.amount_cents, ceiling_cents = excluded.ceiling_cents,
                            disabled_reason = null, updated_at = now()""")
                .bind("wallet", settings.wallet().value()).bind("payer", settings.payer().value()).bind("enabled", settings.enabled())
                .bind("threshold", settings.threshold().cents()).bind("amount", settings.amount().cents()).bind("ceiling", settings.ceiling().cents())
                .then();
    }

    /** Keeps the card a checkout saved, for wallets whose owner turned auto-recharge on. */
    Mono<Void> cardSaved(WalletId wallet, SavedCard card) {
        return db.sql("update auto_recharges set customer_id = :customer, payment_method_id = :method, card_top_up_id = :topUp, updated_at = now() "
                        + "where wallet_id = :wallet")
                .bind("wallet", wallet.value()).bind("customer", card.customerId()).bind("method", card.paymentMethodId())
                .bind("topUp", card.savedAt().value()).then();
    }

    Mono<Void> turnedOff(WalletId wallet, String reason) {
        return db.sql("update auto_recharges set enabled = false, disabled_reason = :reason, updated_at = now() where wallet_id = :wallet")
                .bind("wallet", wallet.value()).bind("reason", reason).then();
    }

    /** Wallets due a charge: on, with a card, below their threshold, and no charge of theirs still under way. */
    Flux<WalletId> due() {
        return db.sql("""
                        select a.wallet_id from auto_recharges a join wallets w on w.id = a.wallet_id
                        where a.enabled and a.payment_method_id is not null
                          and w.balance_cents - w.held_cents < a.threshold_cents
                          and not exists (select 1 from top_ups t where t.wallet_id = a.wallet_id and t.origin = 'AUTO_RECHARGE'
                                          and t.status in ('OPEN', 'PROCESSING'))""")
                .map(row -> new WalletId(row.get(0, UUID.class))).all();
    }

    /** What auto-recharges took or are taking from the card since {@code since}: paid ones and those under way. */
    Mono<Money> chargedSince(WalletId wallet, Instant since) {
        return db.sql("select coalesce(sum(amount_cents), 0) from top_ups where wallet_id = :wallet and origin = 'AUTO_RECHARGE' "
                        + "and status <> 'FAILED' and created_at >= :since")
                .bind("wallet", wallet.value()).bind("since", since).map(row -> Money.cents(row.get(0, Long.class))).one();
    }

    private static AutoRecharge autoRecharge(Readable row) {
        var method = row.get("payment_method_id", String.class);
        var card = method == null ? Optional.<SavedCard>empty()
                : Optional.of(new SavedCard(row.get("customer_id", String.class), method, new TopUpId(row.get("card_top_up_id", UUID.class))));
        return new AutoRecharge(new WalletId(row.get("wallet_id", UUID.class)), new UserId(row.get("payer_id", UUID.class)),
                row.get("enabled", Boolean.class), Money.cents(row.get("threshold_cents", Long.class)), Money.cents(row.get("amount_cents", Long.class)),
                Money.cents(row.get("ceiling_cents", Long.class)), card, Optional.ofNullable(row.get("disabled_reason", String.class)));
    }
}
