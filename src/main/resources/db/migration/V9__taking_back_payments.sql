-- What a top-up's refunds and disputes may take back: never more, in all, than the top-up credited
-- (docs/decisions/0024-taking-back-payments-and-memo-keys.md).

-- refunded_cents stays what Stripe reports refunded so far; refund_booked_cents is what the ledger took for it.
alter table top_ups add column refund_booked_cents bigint not null default 0 check (refund_booked_cents >= 0);
update top_ups set refund_booked_cents = refunded_cents;

-- What Stripe asks back beyond the payment, not booked, and since when: a payment for a person to review.
alter table top_ups add column excess_cents bigint not null default 0 check (excess_cents >= 0);
alter table top_ups add column review_since timestamptz;
create index top_ups_to_review on top_ups (review_since) where excess_cents > 0;

-- What each dispute took from the wallet (at most its amount; less when the payment left less room).
alter table disputes add column taken_cents bigint not null default 0 check (taken_cents >= 0);
update disputes set taken_cents = amount_cents where debited;

-- Ledger memos and hold reasons as a translation key with its arguments, rendered in the reader's language. The
-- text column keeps the English rendering; rows without a key (older ones, operators' reasons) show their text.
alter table journal_transactions add column memo_key text, add column memo_args jsonb;
alter table holds add column reason_key text, add column reason_args jsonb;
