package com.mobayilo.payments;

/** A card saved at checkout for off-session charges: the provider's customer and payment method. */
public record SavedCard(String customerId, String paymentMethodId, TopUpId savedAt) {
}
