package com.mobayilo.calls.twilio;

import com.mobayilo.calls.CarrierCalls;
import com.mobayilo.calls.sandbox.SandboxCarrier;
import com.twilio.http.TwilioRestClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which carrier answers for calls: Twilio's REST API when live, the sandbox carrier otherwise. */
@Configuration(proxyBeanMethods = false)
class TwilioCarrier {

    @Bean
    CarrierCalls carrierCalls(TwilioAccount account, SandboxCarrier sandbox, @Value("${mobayilo.twilio.api-base-url:}") String apiBaseUrl) {
        if (!account.isLive() && apiBaseUrl.isBlank()) {
            return sandbox::ending;
        }
        return new TwilioCarrierCalls(restClient(account, apiBaseUrl));
    }

    static TwilioRestClient restClient(TwilioAccount account, String apiBaseUrl) {
        var builder = new TwilioRestClient.Builder(account.apiKey(), account.apiSecret()).accountSid(account.accountSid());
        if (!apiBaseUrl.isBlank()) {
            builder.httpClient(new TwilioApiClient(apiBaseUrl));
        }
        return builder.build();
    }
}
