package com.mobayilo.calls.ui;

import java.time.Instant;
import java.util.Optional;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.Role;
import com.mobayilo.accounts.User;
import com.mobayilo.accounts.Users;
import com.mobayilo.calls.CallHistory;
import com.mobayilo.calls.CallStatus;
import com.mobayilo.calls.CallUpdated;
import com.mobayilo.calls.CallerIdDefault;
import com.mobayilo.calls.CallerIdVerification;
import com.mobayilo.calls.SeatAllowance;
import com.mobayilo.calls.Contacts;
import com.mobayilo.calls.CallableMinutes;
import com.mobayilo.calls.Reach;
import com.mobayilo.calls.twilio.VoiceTokens;
import com.mobayilo.events.StreamReset;
import com.mobayilo.events.ui.LiveEvents;
import com.mobayilo.rating.Quote;
import com.mobayilo.rating.Quotes;
import com.mobayilo.rating.RatingRefusal;
import com.mobayilo.sandbox.SandboxMode;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import com.mobayilo.ui.AppIcon;
import com.mobayilo.ui.ClientZone;
import com.mobayilo.ui.LiveBinding;
import com.mobayilo.ui.UiWait;
import com.mobayilo.wallet.BalanceChanged;
import com.mobayilo.wallet.WalletOwners;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;

/**
 * The dialer: type or paste a number, see where it goes, its rate and the minutes the credit buys, call, watch
 * it ring, connect and end with a ticking timer and running cost, then see what it cost and the new balance.
 * Call state comes from the call's {@code call.updated} events (the webhooks' truth) and from the device.
 */
@Route("call")
@Menu(title = "nav.call", order = 10, icon = "vaadin:phone")
@PermitAll
class DialerView extends VerticalLayout implements HasDynamicTitle {

    private final AccountPrincipal principal;

    private final User user;

    private final Quotes quotes;

    private final VoiceTokens tokens;

    private final WalletOwners owners;

    private final JsonMapper json;

    private final CountryPicker country;

    private final TextField number = new TextField();

    private final Div quote = new Div();

    private final Button call = new Button();

    private final Button hangup = new Button();

    private final Button mute = new Button();

    private final Paragraph status = new Paragraph();

    private final Paragraph summary = new Paragraph();

    private final BalanceLine balance = new BalanceLine();

    private final Keypad keypad;

    private final Reach reach;

    private final SeatAllowance allowances;

    private final CallTimer timer;

    private final PhoneDevice phone;

    private final RecentCalls recents;

    private final ContactsSection contacts;

    /** Issue 17, section 3: call quality you can see (docs/decisions/0026-call-quality.md). */
    private final CallQualityTools quality;

    /** How far apart the UI's and the core's clocks may be when telling this call from an earlier one. */
    private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMillis(250);

    private Quote current;

    private String callSid;

    /** The call before this one: its late updates (a retried webhook, the reconciliation) must not be taken for this call's. */
    private String lastCallSid;

    /** When Call was pressed: an update of a call created before it is not this call's. */
    private Instant placedAt;

    private boolean inCall;

    /**
     * The furthest status shown for the current call. The device and the webhooks report the same call by two
     * paths, so a late "ringing" from the device may arrive after the webhooks' outcome; it must not hide it.
     */
    private CallStatus shown;

    private boolean muted;

    DialerView(AuthenticationContext authentication, Users users, Quotes quotes, VoiceTokens tokens, WalletOwners owners, CallHistory history,
            Contacts contactBook, CallerIdVerification callerIds, CallerIdDefault defaultCallerId, SeatAllowance allowances, Reach reach, LiveEvents live, JsonMapper json, SandboxMode sandbox, @Value("${mobayilo.public-url}") String publicUrl,
            @Value("${mobayilo.sandbox.carrier.speed:1}") double speed, CallQualityTools quality) {
        this.principal = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
        this.user = users.findById(principal.id()).block(UiWait.LIMIT);
        this.quotes = quotes;
        this.tokens = tokens;
        this.owners = owners;
        this.allowances = allowances;
        this.reach = reach;
        this.json = json;

        this.timer = new CallTimer(sandbox.simulatesCalls() ? speed : 1);
        this.phone = new PhoneDevice(sandbox.simulatesCalls(), publicUrl.replaceAll("/+$", "") + "/sandbox/carrier");
        this.keypad = new Keypad(phone::digits);
        this.country = new CountryPicker(getTranslation("dialer.country"), getLocale());
        this.recents = new RecentCalls(history, principal.id(), ClientZone.of(UI.getCurrent()), this::dial);
        this.contacts = new ContactsSection(contactBook, principal.id(), this::country, this::dial);
        this.quality = quality;
        wireQuality();
        addClassName("page");
        addClassName("dialer-page");
        var lists = new Div(contacts, recents);
        lists.addClassName("dialer-lists");
        add(new H1(getTranslation("dialer.title")), dialPad(), quality, new CallerIdLine(callerIds, defaultCallerId, principal.id()), phone, lists);
        var wallet = owners.walletOf(principal).block(UiWait.LIMIT);
        showBalance(wallet.balance(), wallet.available());
        LiveBinding.bind(this, live.follow(principal.id()), event -> {
            if (CallUpdated.TYPE.equals(event.type())) {
                onCallUpdated(json.readValue(event.data(), CallUpdated.class));
            }
            else if (BalanceChanged.TYPE.equals(event.type())) {
                var changed = json.readValue(event.data(), BalanceChanged.class);
                showBalance(Money.cents(changed.balanceCents()), Money.cents(changed.availableCents()));
            }
            else if (StreamReset.is(event)) {
                // What happened while the stream was away no longer exists as events: read the wallet again.
                var now = owners.walletOf(principal).block(UiWait.LIMIT);
                showBalance(now.balance(), now.available());
            }
        });
    }

    private Div dialPad() {
        country.setId("dial-country");
        country.setValue(user.homeCountry());
        country.addValueChangeListener(event -> {
            helpWith(country());
            if (event.isFromClient()) {
                check(number.getValue());
            }
        });
        number.setId("dial-number");
        number.setLabel(getTranslation("dialer.number"));
        helpWith(country());
        number.setPlaceholder("+243 81 234 5678");
        number.setClearButtonVisible(true);
        number.setValueChangeMode(ValueChangeMode.LAZY);
        number.setValueChangeTimeout(250);
        number.setWidthFull();
        number.getElement().setAttribute("inputmode", "tel");
        number.getElement().setAttribute("autocomplete", "tel");
        number.addValueChangeListener(event -> check(event.getValue()));
        quote.setId("dial-quote");
        quote.getElement().setAttribute("role", "status");
        quote.getElement().setAttribute("aria-live", "polite");
        call.setText(getTranslation("dialer.call"));
        call.setId("call-button");
        call.setIcon(AppIcon.PHONE.create());
        call.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        call.setEnabled(false);
        call.addClickShortcut(Key.ENTER);
        call.addClickListener(event -> placeCall());
        hangup.setText(getTranslation("dialer.hangup"));
        hangup.setId("hangup-button");
        hangup.setIcon(AppIcon.PHONE_LANDLINE.create());
        hangup.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        hangup.setVisible(false);
        hangup.addClickListener(event -> phone.hangup());
        mute.setText(getTranslation("dialer.mute"));
        mute.setVisible(false);
        mute.addClickListener(event -> toggleMute());
        status.setId("call-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        summary.setId("call-summary");
        // The cost after a call changes without the person doing anything: announce it (decision 0028).
        summary.getElement().setAttribute("role", "status");
        phone.onState(event -> onDeviceState(event.state(), event.callSid(), event.message()));
        phone.onTokenExpiring(event -> phone.updateToken(token()));
        phone.onMicrophoneProblem(event -> {
            status.setText(getTranslation("dialer.microphone." + ("denied".equals(event.problem()) ? "denied" : "missing")));
            endCall();
        });
        var buttons = new HorizontalLayout(call, hangup, mute);
        buttons.addClassName("dial-buttons");
        var entry = new HorizontalLayout(country, number);
        entry.addClassName("dial-entry");
        entry.setWidthFull();
        entry.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.START);
        var section = new Div(entry, quote, buttons, status, quality.indicator(), timer, keypad, summary, balance);
        section.addClassName("settings-section");
        section.addClassName("dial-pad");
        section.setMaxWidth("36rem");
        return section;
    }

    /** The quality tools follow the phone's own events; the dialer only hands them the phone and a token source. */
    private void wireQuality() {
        quality.wire(phone, this::token);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        phone.start(token());
    }

    private String token() {
        var request = VaadinRequest.getCurrent();
        return tokens.issue(principal.id(), request == null ? "unknown" : request.getRemoteAddr()).block(UiWait.LIMIT).jwt();
    }

    /**
     * Live validation: what the number is, its rate and what the caller can really call now, or why it cannot be
     * called. The country picker says how numbers without a country code are read, so a pasted number with its
     * own code does not move it: the next number typed without one is still read as the picked country.
     */
    private void check(String raw) {
        current = null;
        call.setEnabled(false);
        quote.removeAll();
        number.setInvalid(false);
        if (raw == null || raw.isBlank()) {
            return;
        }
        try {
            var found = quotes.quote(raw, country());
            var phoneNumber = found.number();
            var place = phoneNumber.country() == null ? getTranslation("rates.network") : phoneNumber.country().displayName(getLocale());
            quote.add(new Paragraph(phoneNumber.international() + " · "
                    + getTranslation("rates.destination", place, getTranslation("rating.type." + phoneNumber.type().name()))));
            quote.add(new Paragraph(getTranslation("rates.perminute", found.rate().perMinute().cents(), found.rate().perMinute().format(getLocale()))));
            var callable = found.blocked().isPresent() ? Optional.<CallableMinutes>empty() : reach.of(user, spendable(), found.rate()).blockOptional(UiWait.LIMIT);
            found.blocked().ifPresent(refusal -> quote.add(new Paragraph(getTranslation(refusal.messageKey(), refusal.arguments()))));
            callable.ifPresent(minutes -> quote.add(new MinutesLine(minutes, principal.role() != Role.SEAT)));
            var keep = new Button(getTranslation("contacts.offer"), AppIcon.PLUS.create(), event -> contacts.offer(phoneNumber.international()));
            keep.addThemeVariants(ButtonVariant.TERTIARY);
            quote.add(keep);
            current = found;
            call.setEnabled(!inCall && callable.filter(minutes -> minutes.minutes() > 0).isPresent());
        }
        catch (RatingRefusal refusal) {
            number.setInvalid(true);
            number.setErrorMessage(getTranslation(refusal.messageKey(), refusal.arguments()));
        }
    }

    private void placeCall() {
        if (current == null || inCall) {
            return;
        }
        inCall = true;
        lastCallSid = callSid;
        callSid = null;
        placedAt = Instant.now();
        shown = null;
        summary.setText("");
        timer.reset();
        status.setText(getTranslation("dialer.state.connecting"));
        call.setVisible(false);
        hangup.setVisible(true);
        mute.setVisible(true);
        phone.call(current.number().e164());
    }

    private void onDeviceState(String state, String sid, String message) {
        if (inCall && sid != null && callSid == null) {
            callSid = sid;
        }
        switch (state) {
            case "ringing" -> {
                if (inCall && movesTo(CallStatus.RINGING)) {
                    status.setText(getTranslation("dialer.state.ringing"));
                }
            }
            case "error" -> status.setText(getTranslation("dialer.error", message == null ? "" : message));
            case "disconnected" -> {
                if (inCall) {
                    // Only an answered call has a cost to work out; one that never connected cost nothing, and if the
                    // carrier saw it, its own outcome (busy, no answer) replaces this when it arrives.
                    status.setText(getTranslation(shown == CallStatus.IN_PROGRESS ? "dialer.state.ending" : "dialer.outcome.CANCELED"));
                    endCall();
                }
            }
            default -> { }
        }
    }

    /** The webhooks' view of the call: the truth for status, timer, cost and refusals. */
    private void onCallUpdated(CallUpdated update) {
        if (!isOwnCall(update)) {
            return;
        }
        callSid = update.callSid();
        var state = CallStatus.valueOf(update.status());
        if (!movesTo(state)) {
            return;
        }
        switch (state) {
            case INITIATED -> status.setText(getTranslation("dialer.state.calling"));
            case RINGING -> status.setText(getTranslation("dialer.state.ringing"));
            case IN_PROGRESS -> {
                status.setText(getTranslation("dialer.state.incall"));
                timer.run(update.answeredAt(), update.ratePerMinuteCents(), update.timeLimitSeconds(), getLocale().toLanguageTag());
                keypad.setVisible(true);
            }
            case REFUSED -> {
                status.setText(getTranslation("call.refused." + update.refusal()));
                endCall();
            }
            default -> {
                timer.reset();
                status.setText(getTranslation("dialer.outcome." + state.name()));
                summary.setText(summaryOf(update));
                endCall();
                recents.refresh();
            }
        }
    }

    /**
     * Whether an update is about the call this dialer placed. Until the device or the webhooks name its SID, the
     * only candidates are calls created since Call was pressed (give or take the servers' clock skew): never the
     * previous call, whose late updates keep coming, nor a company call seen without its SID, which would end this
     * one when it ends.
     */
    private boolean isOwnCall(CallUpdated update) {
        if (update.callSid() == null) {
            return false;
        }
        if (callSid != null) {
            return callSid.equals(update.callSid());
        }
        return inCall && !update.callSid().equals(lastCallSid) && update.createdAt() != null
                && !update.createdAt().isBefore(placedAt.minus(CLOCK_SKEW));
    }

    /** Records {@code next} as shown when it moves the call forward; a late or repeated status changes nothing. */
    private boolean movesTo(CallStatus next) {
        if (shown != null && !shown.canMoveTo(next)) {
            return false;
        }
        shown = next;
        return true;
    }

    private String summaryOf(CallUpdated ended) {
        var minutes = ended.billedMinutes() == null ? 0 : ended.billedMinutes();
        var rate = ended.ratePerMinuteCents() == null ? 0 : ended.ratePerMinuteCents();
        if (minutes == 0) {
            return "";
        }
        return getTranslation("dialer.summary", CallText.duration(ended.durationSeconds()), minutes, rate,
                Money.cents(ended.costCents() == null ? 0 : ended.costCents()).format(getLocale()));
    }

    private void endCall() {
        inCall = false;
        hangup.setVisible(false);
        mute.setVisible(false);
        call.setVisible(true);
        keypad.setVisible(false);
        muted = false;
        mute.setText(getTranslation("dialer.mute"));
        // What the caller can call next has changed: the hold is gone and the call may have cost something.
        check(number.getValue());
    }

    private void toggleMute() {
        muted = !muted;
        phone.mute(muted);
        mute.setText(getTranslation(muted ? "dialer.unmute" : "dialer.mute"));
    }

    /** A seat sees its own limits, not its company's balance; anyone else their balance, held and available. */
    private void showBalance(Money total, Money available) {
        allowances.of(user).blockOptional(UiWait.LIMIT).ifPresentOrElse(balance::show, () -> balance.show(total, available));
        if (!inCall) {
            check(number.getValue());
        }
    }

    /** What a call may spend: the wallet's available credit (the caps are {@link Reach}'s business). */
    private Money spendable() {
        return owners.walletOf(principal).block(UiWait.LIMIT).available();
    }

    private CountryCode country() {
        return country.getValue() == null ? user.homeCountry() : country.getValue();
    }

    private void helpWith(CountryCode place) {
        number.setHelperText(getTranslation("dialer.number.helper", place.displayName(getLocale())));
    }

    /** One click from a contact or a recent call: check the number and, when it can be called, call it. */
    private void dial(String e164) {
        if (inCall) {
            return;
        }
        number.setValue(e164);
        check(e164);
        if (call.isEnabled()) {
            placeCall();
        }
        else {
            number.focus();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dialer.page.title");
    }
}
