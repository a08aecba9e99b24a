package com.mobayilo.payments;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.mobayilo.accounts.User;
import com.mobayilo.payments.sandbox.CardDetails;
import com.mobayilo.payments.sandbox.SandboxCheckouts;
import com.mobayilo.payments.stripe.StripeAccount;
import com.mobayilo.payments.stripe.StripeJson;
import com.mobayilo.payments.stripe.StripeSigner;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Http;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.wallet.Balance;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.LedgerCheck;
import com.mobayilo.wallet.Owner;
import com.mobayilo.wallet.TransactionKind;
import com.mobayilo.wallet.WalletId;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test steps for top-ups: a person, a top-up started through the real service, and Stripe events about it,
 * in Stripe's JSON shape ({@link StripeJson}), signed as Stripe signs them ({@link StripeSigner}) and posted to
 * the webhook over HTTP; and what the ledger then says.
 */
final class Checkout {

    private final TestApp app;

    Checkout(TestApp app) {
        this.app = app;
    }

    User payer() {
        return TestUsers.individual(app, "en");
    }

    TopUp started(User payer, long cents) {
        var started = app.bean(TopUpStarts.class).start(payer, walletOf(payer), Money.cents(cents), Locale.ENGLISH).block();
        return topUp(started.topUp());
    }

    TopUp topUp(TopUpId id) {
        return app.bean(TopUps.class).find(id).block();
    }

    WalletId walletOf(User payer) {
        return app.bean(Ledger.class).walletOf(Owner.user(payer.id().value())).block().id();
    }

    Balance balanceOf(User payer) {
        return app.bean(Ledger.class).balance(walletOf(payer)).block();
    }

    static String eventId() {
        return StripeJson.newId("evt");
    }

    /** {@code checkout.session.completed} for the top-up, paid with {@code paymentIntent}. */
    static String completed(String eventId, TopUp topUp, String paymentIntent, long amountCents, String paymentStatus) {
        return event(eventId, "checkout.session.completed", session(topUp, paymentIntent, amountCents, "usd", paymentStatus));
    }

    static String event(String eventId, String type, String object) {
        return StripeJson.event(eventId, type, Instant.now(), object);
    }

    private static String session(TopUp topUp, String paymentIntent, long amountCents, String currency, String paymentStatus) {
        return StripeJson.session(topUp.checkoutSessionId(), topUp.id().toString(), topUp.wallet().value().toString(), paymentIntent, amountCents,
                currency, paymentStatus);
    }

    /**
     * One top-up's payment as Stripe knows it: its payment intent and charge, and the events Stripe sends about
     * them. Each call makes a new event, with its own id.
     */
    record Payment(TopUp topUp, String intent, String charge) {

        static Payment of(TopUp topUp) {
            return new Payment(topUp, StripeJson.newId("pi"), StripeJson.newId("ch"));
        }

        long cents() {
            return topUp.amount().cents();
        }

        String completed(String paymentStatus) {
            return Checkout.completed(eventId(), topUp, intent, cents(), paymentStatus);
        }

        /** Completed and paid, but Stripe charged {@code cents} of {@code currency}. */
        String completedFor(long cents, String currency) {
            return event(eventId(), "checkout.session.completed", session(topUp, intent, cents, currency, "paid"));
        }

        String asyncPayment(boolean succeeded) {
            return succeeded ? event(eventId(), "checkout.session.async_payment_succeeded", session(topUp, intent, cents(), "usd", "paid"))
                    : event(eventId(), "checkout.session.async_payment_failed", session(topUp, intent, cents(), "usd", "unpaid"));
        }

        /** {@code charge.refunded} with {@code soFar} refunded in all; {@code withMetadata} false as for a charge made elsewhere. */
        String refunded(long soFar, boolean withMetadata) {
            return event(eventId(), "charge.refunded", StripeJson.charge(charge, intent, withMetadata ? topUp.id().toString() : null, cents(), soFar));
        }

        String refunded(long soFar) {
            return refunded(soFar, true);
        }

        String disputeCreated(String dispute) {
            return disputeCreated(dispute, cents());
        }

        /** {@code charge.dispute.created} for {@code amount} cents, its funds withdrawn ({@code needs_response}). */
        String disputeCreated(String dispute, long amount) {
            return event(eventId(), "charge.dispute.created", StripeJson.dispute(dispute, charge, intent, amount, "fraudulent", "needs_response"));
        }

        /** {@code charge.dispute.closed}, {@code won} or {@code lost}. */
        String disputeClosed(String dispute, String status) {
            return disputeClosed(dispute, status, cents());
        }

        String disputeClosed(String dispute, String status, long amount) {
            return event(eventId(), "charge.dispute.closed", StripeJson.dispute(dispute, charge, intent, amount, "fraudulent", status));
        }

        /** A type Mobayilo does not subscribe to, about this payment. */
        String chargeSucceeded() {
            return event(eventId(), "charge.succeeded", StripeJson.charge(charge, intent, topUp.id().toString(), cents(), 0));
        }
    }

    /** Pays the top-up's sandbox checkout with {@code cardNumber}, as a person would on its page. */
    SandboxCheckouts.Outcome payInSandbox(TopUp topUp, String cardNumber) {
        var sandbox = (SandboxCheckouts) app.bean(Checkouts.class);
        var card = CardDetails.of(cardNumber, "12/34", "123", "Amani Kabila", YearMonth.now());
        return sandbox.pay(sandbox.session(topUp.checkoutSessionId()).orElseThrow(), card).block();
    }

    /** Posts {@code payload} signed with the endpoint's secret now, as Stripe does. */
    HttpResponse<String> deliver(String payload) {
        return deliver(payload, signedAt(payload, Instant.now()));
    }

    String signedAt(String payload, Instant at) {
        return StripeSigner.header(app.bean(StripeAccount.class).webhookSecrets().getFirst(), at.getEpochSecond(), payload);
    }

    HttpResponse<String> deliver(String payload, String signature) {
        var request = HttpRequest.newBuilder(URI.create(app.coreUrl() + "/webhooks/stripe")).header("Content-Type", "application/json; charset=utf-8");
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return Http.send(request.POST(HttpRequest.BodyPublishers.ofString(payload)).build());
    }

    /** Stripe retries anything but a 2xx; Mobayilo answers 409 (with Retry-After) for what it cannot apply yet. */
    static boolean isRetryable(HttpResponse<String> response) {
        return response.statusCode() == 409 || response.statusCode() == 429 || response.statusCode() >= 500;
    }

    /** What was booked for these wallets, per kind of transaction. */
    Map<TransactionKind, Money> totalsByKind(Collection<WalletId> wallets) {
        var totals = new EnumMap<TransactionKind, Money>(TransactionKind.class);
        app.bean(DatabaseClient.class).sql("""
                        select t.kind, sum(p.amount_cents) as total from postings p join journal_transactions t on t.id = p.transaction_id
                        where p.wallet_id = any(:wallets) group by t.kind""")
                .bind("wallets", wallets.stream().map(WalletId::value).toArray(UUID[]::new))
                .map(row -> Map.entry(TransactionKind.valueOf(row.get("kind", String.class)), Money.cents(row.get("total", Number.class).longValue())))
                .all().toStream().forEach(total -> totals.put(total.getKey(), total.getValue()));
        return totals;
    }

    /** How many times the top-up itself was credited to its wallet. */
    long creditsOf(TopUp topUp) {
        return app.bean(DatabaseClient.class).sql("select count(*) as credits from journal_transactions where kind = 'TOP_UP' and source_ref = :topUp")
                .bind("topUp", topUp.id().toString()).map(row -> row.get("credits", Long.class)).one().block();
    }

    void assertLedgerConsistent() {
        var report = app.bean(LedgerCheck.class).run().block();
        assertThat(report.isConsistent()).as(report.toString()).isTrue();
    }
}
