package com.mobayilo.calls.ui;

import java.util.function.Supplier;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.UserId;
import com.mobayilo.calls.CallRatings;
import com.mobayilo.calls.twilio.TwilioEdges;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.security.AuthenticationContext;

import org.springframework.context.annotation.Scope;

/**
 * Call quality you can see, for the dialer (docs/decisions/0026-call-quality.md): the live quality indicator, the
 * rating after a call, the microphone and speaker pickers and "Test my connection". Everything follows the phone's
 * events, so the dialer only places it and hands it the phone.
 */
@SpringComponent
@Scope("prototype")
class CallQualityTools extends Div {

    private final CallRatings ratings;

    private final TwilioEdges edges;

    private final UserId caller;

    private final CallQuality indicator = new CallQuality();

    CallQualityTools(CallRatings ratings, TwilioEdges edges, AuthenticationContext authentication) {
        this.ratings = ratings;
        this.edges = edges;
        this.caller = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow().id();
        addClassName("call-quality-tools");
    }

    /**
     * The live quality indicator, for the dialer to place right under the call's status, where a caller on a phone
     * sees it without scrolling. Placed at the top of these tools when the dialer does not place it.
     */
    CallQuality indicator() {
        return indicator;
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (indicator.getParent().isEmpty()) {
            addComponentAsFirst(indicator);
        }
    }

    /** Follows {@code phone}; call before the phone starts, so that it uses the configured edges. */
    void wire(PhoneDevice phone, Supplier<String> token) {
        var rating = new CallRatingForm(ratings, caller, phone);
        var tools = new Div(new DevicePickers(phone), new ConnectionCheck(phone, token));
        tools.addClassName("call-quality-devices");
        add(rating, tools);
        phone.useEdges(edges.inOrder());
        phone.onQuality(event -> {
            if (event.cleared()) {
                indicator.cleared(event.warning());
            }
            else {
                indicator.warning(event.warning());
            }
        });
        phone.onReconnecting(event -> indicator.reconnecting());
        phone.onReconnected(event -> indicator.reconnected());
        phone.onState(event -> {
            switch (event.state()) {
                case "connecting" -> {
                    indicator.reset();
                    rating.close();
                }
                case "error" -> {
                    if (event.code() != null && com.mobayilo.calls.CallSummary.isNetworkError(event.code())) {
                        indicator.dropped();
                    }
                }
                case "disconnected" -> {
                    indicator.ended();
                    rating.offer(event.callSid());
                }
                default -> { }
            }
        });
    }
}
