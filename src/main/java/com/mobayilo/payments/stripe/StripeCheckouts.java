package com.mobayilo.payments.stripe;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import com.mobayilo.payments.CardRefused;
import com.mobayilo.payments.Checkouts;
import com.mobayilo.payments.SavedCard;
import com.mobayilo.payments.TopUp;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.checkout.SessionCreateParams;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Stripe Checkout: a hosted payment page per top-up, in payment mode, naming the wallet and the top-up (as
 * client reference and metadata, on the session and its payment) so every later event finds its top-up.
 */
final class StripeCheckouts implements Checkouts {

    private final StripeClient stripe;

    StripeCheckouts(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public Mono<Session> open(TopUp topUp, Links links, String email) {
        var params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setCustomerCreation(topUp.savesCard() ? SessionCreateParams.CustomerCreation.ALWAYS : SessionCreateParams.CustomerCreation.IF_REQUIRED)
                .setClientReferenceId(topUp.wallet().value().toString())
                .putMetadata("top_up", topUp.id().toString())
                .putMetadata("wallet", topUp.wallet().value().toString())
                .setCustomerEmail(email)
                .setLocale(Locale.FRENCH.getLanguage().equals(topUp.language().getLanguage()) ? SessionCreateParams.Locale.FR
                        : SessionCreateParams.Locale.EN)
                .setSuccessUrl(links.success().toString())
                .setCancelUrl(links.cancel().toString())
                .setPaymentIntentData(paymentIntentData(topUp))
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency("usd")
                                .setUnitAmount(topUp.amount().cents())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("Mobayilo credit: " + topUp.amount().cents() + " credits").build())
                                .build())
                        .build())
                .build();
        var options = RequestOptions.builder().setIdempotencyKey("checkout-" + topUp.id()).build();
        return Mono.fromCallable(() -> stripe.v1().checkout().sessions().create(params, options))
                .subscribeOn(Schedulers.boundedElastic())
                .map(session -> new Session(session.getId(), URI.create(session.getUrl())));
    }

    private static SessionCreateParams.PaymentIntentData paymentIntentData(TopUp topUp) {
        var data = SessionCreateParams.PaymentIntentData.builder().putMetadata("top_up", topUp.id().toString());
        if (topUp.savesCard()) {
            // keeps the card on a Stripe customer for auto-recharge: charged later without the person present
            data.setSetupFutureUsage(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION);
        }
        return data.build();
    }

    @Override
    public Mono<String> chargeSaved(TopUp topUp, SavedCard card) {
        var params = PaymentIntentCreateParams.builder()
                .setAmount(topUp.amount().cents())
                .setCurrency("usd")
                .setCustomer(card.customerId())
                .setPaymentMethod(card.paymentMethodId())
                .setOffSession(true)
                .setConfirm(true)
                .setDescription("Mobayilo auto-recharge: " + topUp.amount().cents() + " credits")
                .putMetadata("top_up", topUp.id().toString())
                .putMetadata("wallet", topUp.wallet().value().toString())
                .build();
        var options = RequestOptions.builder().setIdempotencyKey("auto-recharge-" + topUp.id()).build();
        return Mono.fromCallable(() -> stripe.v1().paymentIntents().create(params, options))
                .subscribeOn(Schedulers.boundedElastic())
                .map(PaymentIntent::getId)
                .onErrorMap(CardException.class, refused -> new CardRefused(refused.getCode()));
    }

    /** The card on the payment's charge: brand and last four digits, for the receipt. */
    @Override
    public Mono<Optional<Card>> cardOf(TopUp topUp) {
        if (topUp.paymentIntentId() == null) {
            return Mono.just(Optional.empty());
        }
        var params = PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build();
        return Mono.fromCallable(() -> stripe.v1().paymentIntents().retrieve(topUp.paymentIntentId(), params))
                .subscribeOn(Schedulers.boundedElastic())
                .map(StripeCheckouts::card);
    }

    private static Optional<Card> card(PaymentIntent intent) {
        return Optional.ofNullable(intent.getLatestChargeObject())
                .map(Charge::getPaymentMethodDetails)
                .map(Charge.PaymentMethodDetails::getCard)
                .map(card -> new Card(card.getBrand(), card.getLast4()));
    }
}
