package com.mobayilo.calls.twilio;

import com.mobayilo.calls.CallSummaries;
import com.mobayilo.calls.CallerIdCarrier;
import com.mobayilo.calls.CarrierCalls;
import com.mobayilo.calls.sandbox.SandboxCallerIds;
import com.mobayilo.calls.sandbox.SandboxCarrier;
import com.twilio.http.TwilioRestClient;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which carrier answers for calls, caller ID verifications and call summaries: Twilio's REST API when live (or when
 * {@code mobayilo.twilio.api-base-url} points at a stand-in), the sandbox carrier otherwise.
 */
@Configuration(proxyBeanMethods = false)
class TwilioCarrier {

    @Bean
    CarrierCalls carrierCalls(TwilioAccount account, SandboxCarrier sandbox, @Value("${mobayilo.twilio.api-base-url:}") String apiBaseUrl) {
        if (simulated(account, apiBaseUrl)) {
            return sandbox::ending;
        }
        return new TwilioCarrierCalls(restClient(account, apiBaseUrl));
    }

    @Bean
    CallerIdCarrier callerIdCarrier(TwilioAccount account, SandboxCallerIds sandbox, @Value("${mobayilo.twilio.api-base-url:}") String apiBaseUrl) {
        if (simulated(account, apiBaseUrl)) {
            return sandbox::requestValidation;
        }
        return new TwilioCallerIds(restClient(account, apiBaseUrl));
    }

    /** Voice Insights in live mode; in the sandbox its carrier posts each call summary, so none is asked for. */
    @Bean
    CallSummaries callSummaries(TwilioAccount account, @Value("${mobayilo.twilio.api-base-url:}") String apiBaseUrl) {
        if (simulated(account, apiBaseUrl)) {
            return new PostedBySandbox();
        }
        return new TwilioCallSummaries(restClient(account, apiBaseUrl));
    }

    private static boolean simulated(TwilioAccount account, String apiBaseUrl) {
        return !account.isLive() && apiBaseUrl.isBlank();
    }

    static TwilioRestClient restClient(TwilioAccount account, String apiBaseUrl) {
        var builder = new TwilioRestClient.Builder(account.apiKey(), account.apiSecret()).accountSid(account.accountSid());
        if (!apiBaseUrl.isBlank()) {
            builder.httpClient(new TwilioApiClient(apiBaseUrl));
        }
        return builder.build();
    }

    private static final class PostedBySandbox implements CallSummaries {

        @Override
        public boolean areAsked() {
            return false;
        }

        @Override
        public Mono<Answer> ask(String callSid) {
            return Mono.just(new NotYet("the sandbox carrier posts its call summaries"));
        }
    }
}
