package com.mobayilo.payments;

import com.mobayilo.jobs.JobHandler;
import com.mobayilo.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * After a top-up is paid ({@link Payments#RECEIPT_JOB}): the receipt, with the card the provider says paid
 * ({@link Receipts}), mailed to the payer. The queue retries a failed run; the mail is queued in the same
 * transaction that marks the receipt mailed, so however often this runs, it mails once.
 */
@Component
class ReceiptJob implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(ReceiptJob.class);

    private final TopUps topUps;

    private final Receipts receipts;

    private final ReceiptMails mails;

    private final Mailer mailer;

    private final TransactionalOperator transaction;

    ReceiptJob(TopUps topUps, Receipts receipts, ReceiptMails mails, Mailer mailer, TransactionalOperator transaction) {
        this.topUps = topUps;
        this.receipts = receipts;
        this.mails = mails;
        this.mailer = mailer;
        this.transaction = transaction;
    }

    @Override
    public String type() {
        return Payments.RECEIPT_JOB;
    }

    @Override
    public Mono<Void> handle(JsonNode payload) {
        var id = TopUpId.parse(payload.path("topUp").asString());
        return topUps.find(id)
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn("No top-up {} to mail a receipt for", id)))
                .flatMap(receipts::of)
                .flatMap(this::mailOnce);
    }

    private Mono<Void> mailOnce(Receipt receipt) {
        return topUps.receiptMailed(receipt.topUp())
                .filter(first -> first)
                .flatMap(first -> mailer.send(mails.receipt(receipt)))
                .as(transaction::transactional);
    }
}
