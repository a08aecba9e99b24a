package com.mobayilo.payments;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.mobayilo.accounts.User;
import com.mobayilo.shared.Money;

/** What a paid top-up's receipt says: who paid what and when, with which card, and Stripe's reference for it. */
public record Receipt(TopUpId topUp, String number, Instant paidAt, Money amount, Optional<Checkouts.Card> card, String reference,
        String payerName, String payerEmail, Locale language, boolean autoRecharge) {

    private static final Map<String, String> BRANDS = Map.of("amex", "American Express", "diners", "Diners Club", "discover", "Discover",
            "jcb", "JCB", "mastercard", "Mastercard", "unionpay", "UnionPay", "visa", "Visa");

    static Receipt of(TopUp topUp, User payer) {
        var card = topUp.cardLast4() == null ? Optional.<Checkouts.Card>empty() : Optional.of(new Checkouts.Card(topUp.cardBrand(), topUp.cardLast4()));
        return new Receipt(topUp.id(), numberOf(topUp.id()), topUp.paidAt(), topUp.amount(), card, topUp.paymentIntentId(), payer.fullName(),
                payer.email().value(), topUp.language(), topUp.isAutoRecharge());
    }

    /** A receipt number people can read out and search for: "MBY-" and the first twelve hex digits of the top-up's id. */
    public static String numberOf(TopUpId id) {
        var hex = id.value().toString().replace("-", "").toUpperCase(Locale.ROOT);
        return "MBY-" + hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12);
    }

    /** One credit is one cent. */
    public long credits() {
        return amount.cents();
    }

    /** The card's network as printed on cards: "Visa", "Mastercard"; empty when the card is not known. */
    public Optional<String> cardBrand() {
        return card.map(known -> brandName(known.brand()));
    }

    /** A card network as printed on cards, from the provider's code ("visa" is "Visa"). */
    public static String brandName(String brand) {
        return BRANDS.getOrDefault(brand, brand.isEmpty() ? "" : Character.toUpperCase(brand.charAt(0)) + brand.substring(1));
    }
}
