package com.mobayilo.companies.ui;

import com.mobayilo.accounts.TooManyRequests;
import com.mobayilo.accounts.ui.Fields;
import com.mobayilo.companies.SeatSignIn;
import com.mobayilo.sandbox.SandboxMode;
import com.mobayilo.ui.PublicPage;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Seats sign in by emailed link. The page answers in the same words whether or not the email is a seat's, so it
 * cannot tell anyone who works where; only being throttled shows differently, and that happens to anyone.
 */
@Route(value = "signin-link/request", autoLayout = false)
@AnonymousAllowed
class SignInLinkRequestView extends PublicPage implements HasDynamicTitle {

    private final SeatSignIn signIn;

    private final EmailField email;

    private final Paragraph result = new Paragraph();

    SignInLinkRequestView(SandboxMode sandbox, SeatSignIn signIn) {
        super(sandbox);
        this.signIn = signIn;
        this.email = Fields.email(this, "signinlink.request.email");
        email.setRequired(true);
        var send = new Button(getTranslation("signinlink.request.submit"), event -> submit());
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClickShortcut(Key.ENTER);
        result.setId("signin-link-requested");
        result.setVisible(false);
        result.getElement().setAttribute("role", "status");
        card().add(new H1(getTranslation("signinlink.request.title")), new Paragraph(getTranslation("signinlink.request.intro")), email, send,
                result, new Paragraph(new Anchor("login", getTranslation("signinlink.request.back"))));
    }

    private void submit() {
        if (email.isEmpty() || email.isInvalid()) {
            email.setInvalid(true);
            return;
        }
        var address = VaadinRequest.getCurrent() == null ? "unknown" : VaadinRequest.getCurrent().getRemoteAddr();
        try {
            signIn.requestLink(email.getValue(), address).block(UiWait.LIMIT);
            result.setText(getTranslation("login.notice.linkSent"));
        }
        catch (TooManyRequests throttled) {
            result.setText(getTranslation(throttled.messageKey(), throttled.arguments()));
        }
        result.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signinlink.request.page.title");
    }
}
