package com.mobayilo.payments.stripe;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/**
 * Stripe's JSON as the API sends it (API version 2025-09-30.clover): the event envelope, and the Checkout Session,
 * Charge and Dispute objects that Mobayilo's events carry, with their real field shapes. Amounts are integer
 * minor units, ids have Stripe's prefixes, and absent values are {@code null} as Stripe writes them.
 */
public final class StripeJson {

    public static final String API_VERSION = "2025-09-30.clover";

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final SecureRandom RANDOM = new SecureRandom();

    private StripeJson() {
    }

    /** A new id with Stripe's prefix, e.g. {@code evt_1QxY…}, {@code pi_3QxY…}, {@code cs_test_a1…}. */
    public static String newId(String prefix) {
        var id = new StringBuilder(prefix).append('_').append(prefix.startsWith("cs") ? "a1" : "3");
        for (int i = 0; i < 24; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    public static String event(String id, String type, Instant created, String object) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"data":{"object":%s},"livemode":false,"pending_webhooks":1,
                 "request":{"id":null,"idempotency_key":null},"type":"%s"}"""
                .formatted(id, API_VERSION, created.getEpochSecond(), object, type);
    }

    /** A Checkout Session in payment mode as Mobayilo opens it; {@code paymentIntent} may be null (not paid yet). */
    public static String session(String id, String topUp, String wallet, String paymentIntent, long amount, String currency, String paymentStatus) {
        return """
                {"id":"%s","object":"checkout.session","adaptive_pricing":{"enabled":true},"after_expiration":null,"allow_promotion_codes":null,
                 "amount_subtotal":%d,"amount_total":%d,"automatic_tax":{"enabled":false,"liability":null,"status":null},
                 "billing_address_collection":null,"cancel_url":"http://localhost:8080/wallet?checkout=cancelled","client_reference_id":%s,
                 "client_secret":null,"created":%d,"currency":"%s","customer":null,"customer_creation":"if_required",
                 "customer_details":{"address":null,"email":"payer@example.com","name":"Amani Kabila","phone":null,"tax_exempt":"none","tax_ids":[]},
                 "customer_email":"payer@example.com","expires_at":%d,"invoice":null,"livemode":false,"locale":"en",
                 "metadata":%s,"mode":"payment","payment_intent":%s,"payment_link":null,"payment_method_collection":"if_required",
                 "payment_method_types":["card"],"payment_status":"%s","status":"complete","submit_type":null,"subscription":null,
                 "success_url":"http://localhost:8080/wallet/top-up/%s","total_details":{"amount_discount":0,"amount_shipping":0,"amount_tax":0},
                 "ui_mode":"hosted","url":null}"""
                .formatted(id, amount, amount, text(wallet), now(), currency, now() + 86_400, metadata(topUp, wallet), text(paymentIntent), paymentStatus,
                        topUp);
    }

    /**
     * The charge of a Checkout payment, {@code refunded} of {@code amount} refunded so far. Stripe copies the
     * payment intent's metadata (Mobayilo's {@code top_up}) to it; {@code topUp} null leaves it empty.
     */
    public static String charge(String id, String paymentIntent, String topUp, long amount, long refunded) {
        return charge(id, paymentIntent, topUp, amount, refunded, "visa", "4242");
    }

    /** The same, paid with a card of {@code brand} ending in {@code last4}. */
    public static String charge(String id, String paymentIntent, String topUp, long amount, long refunded, String brand, String last4) {
        return """
                {"id":"%s","object":"charge","amount":%d,"amount_captured":%d,"amount_refunded":%d,"application":null,"application_fee":null,
                 "application_fee_amount":null,"balance_transaction":"txn_%s","billing_details":{"address":{"city":null,"country":"CD",
                 "line1":null,"line2":null,"postal_code":null,"state":null},"email":"payer@example.com","name":"Amani Kabila","phone":null},
                 "calculated_statement_descriptor":"MOBAYILO","captured":true,"created":%d,"currency":"usd","customer":null,
                 "description":null,"disputed":false,"failure_balance_transaction":null,"failure_code":null,"failure_message":null,
                 "fraud_details":{},"livemode":false,"metadata":%s,"on_behalf_of":null,"outcome":{"network_status":"approved_by_network",
                 "reason":null,"risk_level":"normal","risk_score":32,"seller_message":"Payment complete.","type":"authorized"},"paid":true,
                 "payment_intent":%s,"payment_method":"pm_%s","payment_method_details":{"card":{"brand":"%s","checks":{
                 "address_line1_check":null,"address_postal_code_check":null,"cvc_check":"pass"},"country":"US","exp_month":12,"exp_year":2034,
                 "fingerprint":"Xt5EWLLDS7FJjR1c","funding":"credit","last4":"%s","network":"%s"},"type":"card"},"receipt_email":null,
                 "receipt_url":"https://pay.stripe.com/receipts/payment/CAcaFwoVYWNjdF8x","refunded":%s,"review":null,"shipping":null,
                 "source_transfer":null,"statement_descriptor":null,"statement_descriptor_suffix":null,"status":"succeeded","transfer_group":null}"""
                .formatted(id, amount, amount, refunded, id.substring(3), now(), topUp == null ? "{}" : "{\"top_up\":\"" + topUp + "\"}",
                        text(paymentIntent), id.substring(3), brand, last4, brand, refunded >= amount);
    }

    /** A dispute of a charge: {@code needs_response}, {@code won}, {@code lost}, or an inquiry's {@code warning_*}. */
    public static String dispute(String id, String charge, String paymentIntent, long amount, String reason, String status) {
        return """
                {"id":"%s","object":"dispute","amount":%d,"balance_transactions":[],"charge":"%s","created":%d,"currency":"usd",
                 "enhanced_eligibility_types":[],"evidence":{"access_activity_log":null,"billing_address":null,"cancellation_policy":null,
                 "customer_email_address":null,"customer_name":null,"product_description":null,"receipt":null,"uncategorized_text":null},
                 "evidence_details":{"due_by":%d,"enhanced_eligibility":{},"has_evidence":false,"past_due":false,"submission_count":0},
                 "is_charge_refundable":false,"livemode":false,"metadata":{},"payment_intent":%s,"payment_method_details":{"card":{
                 "brand":"visa","case_type":"chargeback","network_reason_code":"10.4"},"type":"card"},"reason":"%s","status":"%s"}"""
                .formatted(id, amount, charge, now(), now() + 7 * 86_400, text(paymentIntent), reason, status);
    }

    /** The session Stripe answers {@code POST /v1/checkout/sessions} with: open, unpaid, and the hosted page's URL. */
    public static String openSession(String id, String topUp, String wallet, long amount, String currency, String email, String successUrl,
            String cancelUrl) {
        return """
                {"id":"%s","object":"checkout.session","adaptive_pricing":{"enabled":true},"after_expiration":null,"allow_promotion_codes":null,
                 "amount_subtotal":%d,"amount_total":%d,"automatic_tax":{"enabled":false,"liability":null,"status":null},
                 "billing_address_collection":null,"cancel_url":"%s","client_reference_id":%s,"client_secret":null,"created":%d,
                 "currency":"%s","customer":null,"customer_creation":"if_required","customer_details":null,"customer_email":%s,"expires_at":%d,
                 "invoice":null,"livemode":false,"locale":"en","metadata":%s,"mode":"payment","payment_intent":null,"payment_link":null,
                 "payment_method_collection":"if_required","payment_method_types":["card"],"payment_status":"unpaid","status":"open",
                 "submit_type":null,"subscription":null,"success_url":"%s","total_details":{"amount_discount":0,"amount_shipping":0,"amount_tax":0},
                 "ui_mode":"hosted","url":"%s"}"""
                .formatted(id, amount, amount, cancelUrl, text(wallet), now(), currency, text(email), now() + 86_400, metadata(topUp, wallet), successUrl,
                        checkoutUrl(id));
    }

    /** Where Stripe's hosted checkout page for session {@code id} lives. */
    public static String checkoutUrl(String id) {
        return "https://checkout.stripe.com/c/pay/" + id + "#fidkdWxOYHwnPyd1blpxYHZxWjA0TlJ8Uk1hbDd0U2JSYjZhSH1PTDFpYmpWNGZBZmI";
    }

    /** A succeeded payment intent; {@code latestCharge} is the charge's id, or its whole object when expanded. */
    public static String paymentIntent(String id, String topUp, long amount, String latestCharge) {
        return """
                {"id":"%s","object":"payment_intent","amount":%d,"amount_capturable":0,"amount_details":{"tip":{}},"amount_received":%d,
                 "application":null,"application_fee_amount":null,"automatic_payment_methods":null,"canceled_at":null,"cancellation_reason":null,
                 "capture_method":"automatic_async","client_secret":"%s_secret_Qx1","confirmation_method":"automatic","created":%d,
                 "currency":"usd","customer":null,"description":null,"last_payment_error":null,"latest_charge":%s,"livemode":false,
                 "metadata":%s,"next_action":null,"on_behalf_of":null,"payment_method":"pm_1QxYz2AbCdEfGh","payment_method_options":{"card":{
                 "installments":null,"mandate_options":null,"network":null,"request_three_d_secure":"automatic"}},"payment_method_types":["card"],
                 "processing":null,"receipt_email":null,"review":null,"setup_future_usage":null,"shipping":null,"source":null,
                 "statement_descriptor":null,"statement_descriptor_suffix":null,"status":"succeeded","transfer_data":null,"transfer_group":null}"""
                .formatted(id, amount, amount, id, now(), latestCharge.startsWith("{") ? latestCharge : text(latestCharge),
                        topUp == null ? "{}" : "{\"top_up\":\"" + topUp + "\"}");
    }

    /** A page of a list, as {@code GET /v1/events} answers. */
    public static String list(String url, List<String> data, boolean hasMore) {
        return """
                {"object":"list","data":[%s],"has_more":%s,"url":"%s"}""".formatted(String.join(",", data), hasMore, url);
    }

    /** An error as Stripe answers one: {@code api_error}, {@code card_error}, {@code invalid_request_error} … */
    public static String error(String type, String code, String message) {
        return """
                {"error":{"code":%s,"doc_url":%s,"message":"%s","request_log_url":"https://dashboard.stripe.com/test/logs/req_Qx1a2B3c4D5e6F",
                 "type":"%s"}}""".formatted(text(code), code == null ? "null" : text("https://stripe.com/docs/error-codes/" + code), message, type);
    }

    private static String metadata(String topUp, String wallet) {
        return topUp == null ? "{}" : "{\"top_up\":\"%s\",\"wallet\":\"%s\"}".formatted(topUp, wallet);
    }

    private static String text(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
