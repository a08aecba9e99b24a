package com.mobayilo.payments.stripe;

import java.time.Clock;

import com.mobayilo.payments.Checkouts;
import com.mobayilo.payments.sandbox.SandboxCheckouts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who hosts the checkout: Stripe when live (or a stand-in of its API is named), the sandbox otherwise. */
@Configuration(proxyBeanMethods = false)
class CheckoutProvider {

    @Bean
    Checkouts checkouts(StripeAccount account, Clock clock, @Value("${mobayilo.ui-url}") String uiUrl, @Value("${mobayilo.core-url}") String coreUrl) {
        return account.usesApi() ? new StripeCheckouts(account.client())
                : new SandboxCheckouts(uiUrl, new StripeSignatures(account.webhookSecrets(), clock), coreUrl, clock);
    }
}
