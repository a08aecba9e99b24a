-- When a top-up's receipt was mailed: set in the same transaction that queues the mail, so a receipt job run
-- again (the queue retries) never mails twice. Numbered 6.1 to sit beside the payments tables it extends.
alter table top_ups add column receipt_mailed_at timestamptz;
