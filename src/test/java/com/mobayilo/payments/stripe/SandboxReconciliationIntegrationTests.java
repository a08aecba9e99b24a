package com.mobayilo.payments.stripe;

import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** In the sandbox every Stripe event is delivered in-process, so there is nothing to reconcile and Stripe is never asked. */
class SandboxReconciliationIntegrationTests {

    @Test
    void theSandboxNeverQueuesAReconciliation() {
        var app = TestApp.shared();
        assertThat(app.bean(StripeAccount.class).usesApi()).isFalse();

        assertThat(app.bean(StripeReconciliation.class).queue().block()).isFalse();

        var queued = app.bean(DatabaseClient.class).sql("select count(*) as queued from jobs where type = :type")
                .bind("type", StripeReconciliation.TYPE).map(row -> row.get("queued", Long.class)).one().block();
        assertThat(queued).isZero();
    }
}
