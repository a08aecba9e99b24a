package com.mobayilo.accounts.ui;

import com.mobayilo.accounts.PasswordReset;
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

/** Asking for a password reset link. The answer never reveals whether the email has an account. */
@Route(value = "forgot-password", autoLayout = false)
@AnonymousAllowed
class ForgotPasswordView extends PublicPage implements HasDynamicTitle {

    private final PasswordReset reset;

    private final EmailField email;

    private final Paragraph result = new Paragraph();

    ForgotPasswordView(SandboxMode sandbox, PasswordReset reset) {
        super(sandbox);
        this.reset = reset;
        this.email = Fields.email(this, "forgot.email");
        email.setRequired(true);
        var send = new Button(getTranslation("forgot.submit"), event -> submit());
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClickShortcut(Key.ENTER);
        result.setId("reset-requested");
        result.setVisible(false);
        result.getElement().setAttribute("role", "status");
        card().add(new H1(getTranslation("forgot.title")), new Paragraph(getTranslation("forgot.intro")), email, send, result,
                new Paragraph(new Anchor("login", getTranslation("forgot.back"))));
    }

    private void submit() {
        if (email.isEmpty() || email.isInvalid()) {
            email.setInvalid(true);
            return;
        }
        var address = VaadinRequest.getCurrent() == null ? "unknown" : VaadinRequest.getCurrent().getRemoteAddr();
        reset.request(email.getValue(), address).block(UiWait.LIMIT);
        result.setText(getTranslation("forgot.sent", email.getValue()));
        result.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forgot.page.title");
    }
}
