package com.mobayilo.calls.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.User;
import com.mobayilo.accounts.Users;
import com.mobayilo.calls.CallerId;
import com.mobayilo.calls.CallerIdDefault;
import com.mobayilo.calls.CallerIdRefusal;
import com.mobayilo.calls.CallerIdStatus;
import com.mobayilo.calls.CallerIdUpdated;
import com.mobayilo.calls.CallerIdVerification;
import com.mobayilo.calls.sandbox.SandboxCallerIds;
import com.mobayilo.events.StreamReset;
import com.mobayilo.events.ui.LiveEvents;
import com.mobayilo.rating.NumberType;
import com.mobayilo.rating.PhoneNumber;
import com.mobayilo.rating.RatingRefusal;
import com.mobayilo.shared.DomainException;
import com.mobayilo.ui.AppIcon;
import com.mobayilo.ui.ClientZone;
import com.mobayilo.ui.LiveBinding;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * Caller ID (docs/decisions/0014-caller-id.md): the number people see when you call, Mobayilo's or your own. Enter
 * your number, answer the verification call and type the code shown here; the page turns to "Verified" by
 * itself when the carrier's callback arrives ({@code callerid.updated}). In the sandbox the ringing phone is a
 * panel on this page.
 */
@Route("caller-id")
@PermitAll
class CallerIdView extends VerticalLayout implements HasDynamicTitle {

    private final User user;

    private final CallerIdVerification verification;

    private final CallerIdDefault defaultCallerId;

    private final SandboxCallerIds sandbox;

    private final DateTimeFormatter dates;

    private final Span number = new Span();

    private final Badge status = new Badge();

    private final Paragraph explanation = new Paragraph();

    private final Button remove = new Button();

    private final Button retry = new Button();

    private final Section codePanel = new Section();

    private final Paragraph calling = new Paragraph();

    private final Div code = new Div();

    private final SandboxPhonePanel phone;

    private final TextField entry = new TextField();

    private CallerId current;

    CallerIdView(AuthenticationContext authentication, Users users, CallerIdVerification verification, CallerIdDefault defaultCallerId,
            SandboxCallerIds sandbox, LiveEvents live) {
        var principal = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
        this.user = users.findById(principal.id()).block(UiWait.LIMIT);
        this.verification = verification;
        this.defaultCallerId = defaultCallerId;
        this.sandbox = sandbox;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()).withZone(zoneOf(UI.getCurrent()));
        this.phone = new SandboxPhonePanel(sandbox);
        addClassNames("page", "callerid-page");
        add(new H1(getTranslation("callerid.title")), new Paragraph(getTranslation("callerid.intro")), currentSection(), codeSection(), phone,
                verifySection());
        refresh();
        LiveBinding.bind(this, live.follow(principal.id()).filter(event -> CallerIdUpdated.TYPE.equals(event.type()) || StreamReset.is(event)), event -> refresh());
    }

    private Section currentSection() {
        var title = new H2(getTranslation("callerid.current"));
        number.setId("callerid-number");
        number.addClassName("callerid-number");
        status.setId("callerid-status");
        var line = new Div(number, status);
        line.addClassName("callerid-line");
        explanation.setId("callerid-explanation");
        var state = new Div(line, explanation);
        state.getElement().setAttribute("role", "status");
        state.getElement().setAttribute("aria-live", "polite");
        remove.setText(getTranslation("callerid.remove"));
        remove.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        remove.addClickListener(event -> {
            verification.remove(user.id()).block(UiWait.LIMIT);
            refresh();
        });
        retry.setText(getTranslation("callerid.retry"));
        retry.setIcon(AppIcon.REFRESH.create());
        retry.addThemeVariants(ButtonVariant.PRIMARY);
        retry.addClickListener(event -> verify(current.number()));
        var actions = new Div(retry, remove);
        actions.addClassName("callerid-actions");
        var section = new Section(title, state, actions);
        section.setId("callerid-current");
        section.addClassNames("settings-section", "callerid-current");
        return section;
    }

    private Section codeSection() {
        var title = new H2(getTranslation("callerid.code.title"));
        code.setId("callerid-code");
        code.addClassName("callerid-code");
        var hint = new Paragraph(getTranslation("callerid.code.hint"));
        hint.addClassName("callerid-hint");
        codePanel.add(title, calling, code, hint);
        codePanel.setId("callerid-code-panel");
        codePanel.addClassNames("settings-section", "callerid-code-panel");
        return codePanel;
    }

    private Section verifySection() {
        entry.setLabel(getTranslation("callerid.number"));
        entry.setHelperText(getTranslation("callerid.number.helper", user.homeCountry().displayName(getLocale())));
        PhoneNumber.example(user.homeCountry(), NumberType.MOBILE).ifPresent(example -> entry.setPlaceholder(example.international()));
        entry.setClearButtonVisible(true);
        entry.setWidthFull();
        entry.getElement().setAttribute("inputmode", "tel");
        entry.getElement().setAttribute("autocomplete", "tel");
        var submit = new Button(getTranslation("callerid.verify"), AppIcon.CHECK_CIRCLE.create(), event -> verify(entry.getValue()));
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickShortcut(Key.ENTER).listenOn(entry);
        var section = new Section(new H2(getTranslation("callerid.verify.title")), new Paragraph(getTranslation("callerid.verify.text")), entry, submit);
        section.setId("callerid-verify");
        section.addClassNames("settings-section", "callerid-verify");
        return section;
    }

    /** Asks for a verification; refusals (a wrong number, too many tries, the carrier's no) show under the field. */
    private void verify(String raw) {
        entry.setInvalid(false);
        try {
            verification.request(user.id(), raw).block(UiWait.LIMIT);
            entry.clear();
        }
        catch (RatingRefusal | CallerIdRefusal refusal) {
            entry.setValue(raw == null ? "" : raw);
            showUnderField(refusal);
        }
        refresh();
    }

    private void showUnderField(DomainException refusal) {
        entry.setErrorMessage(getTranslation(refusal.messageKey(), refusal.arguments()));
        entry.setInvalid(true);
        entry.focus();
    }

    private void refresh() {
        current = verification.current(user.id()).blockOptional(UiWait.LIMIT).orElse(null);
        var state = current == null ? "DEFAULT" : current.status().name();
        number.setText(CallText.readable(current == null ? defaultCallerId.number() : current.number()));
        status.setText(getTranslation("callerid.status." + state));
        status.removeThemeVariants(BadgeVariant.CONTRAST, BadgeVariant.WARNING, BadgeVariant.SUCCESS, BadgeVariant.ERROR);
        status.addThemeVariants(current == null ? BadgeVariant.CONTRAST : switch (current.status()) {
            case PENDING -> BadgeVariant.WARNING;
            case VERIFIED -> BadgeVariant.SUCCESS;
            case FAILED -> BadgeVariant.ERROR;
        });
        explanation.setText(getTranslation("callerid.explain." + state, current == null || current.verifiedAt() == null ? "" : dates.format(current.verifiedAt())));
        remove.setVisible(current != null);
        retry.setVisible(current != null && current.status() == CallerIdStatus.FAILED);
        var waiting = current != null && current.isPending() && current.code() != null;
        codePanel.setVisible(waiting);
        if (waiting) {
            calling.setText(getTranslation("callerid.code.text", CallText.readable(current.number())));
            code.setText(current.code());
            code.getElement().setAttribute("aria-label", getTranslation("callerid.code.label", String.join(" ", current.code().split(""))));
        }
        if (waiting && sandbox.isRinging(current.validationSid())) {
            phone.ring(current.validationSid(), CallText.readable(current.number()));
        }
        else {
            phone.hangUp();
        }
    }

    /** The international form people read; the stored E.164 when libphonenumber does not know it. */

    private static ZoneId zoneOf(UI ui) {
        return ui == null ? ZoneId.of("UTC") : ClientZone.of(ui);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("callerid.page.title");
    }
}
