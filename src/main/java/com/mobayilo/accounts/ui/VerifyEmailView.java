package com.mobayilo.accounts.ui;

import com.mobayilo.accounts.LinkNotValid;
import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.User;
import com.mobayilo.sandbox.SandboxMode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.mobayilo.ui.PublicPage;
import com.mobayilo.ui.UiWait;

/** The link from the verification mail. Works whether or not the person is signed in on this browser. */
@Route(value = "verify-email", autoLayout = false)
@AnonymousAllowed
class VerifyEmailView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final Registration registration;

    private final CurrentAccount current;

    private final H1 title = new H1();

    private final Paragraph message = new Paragraph();

    VerifyEmailView(SandboxMode sandbox, Registration registration, CurrentAccount current) {
        super(sandbox);
        this.registration = registration;
        this.current = current;
        message.setId("verification-result");
        card().add(title, message);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        try {
            registration.verifyEmail(token).block(UiWait.LIMIT);
            verified();
        }
        catch (LinkNotValid invalid) {
            if (current.user().filter(User::isEmailVerified).isPresent()) {
                verified();
            }
            else {
                notVerified();
            }
        }
    }

    private void verified() {
        title.setText(getTranslation("verify.done.title"));
        message.setText(getTranslation("verify.done.message"));
        var next = current.principal().isPresent() ? "" : "login?verified";
        var go = new Button(getTranslation(current.principal().isPresent() ? "verify.continue" : "verify.signin"),
                event -> getUI().ifPresent(ui -> ui.navigate(next)));
        go.addThemeVariants(ButtonVariant.PRIMARY);
        card().add(go);
    }

    private void notVerified() {
        title.setText(getTranslation("verify.failed.title"));
        message.setText(getTranslation("accounts.link.invalid"));
        current.principal().ifPresentOrElse(principal -> {
            var resend = new Button(getTranslation("verify.resend"), event -> {
                registration.resendVerification(principal.id()).block(UiWait.LIMIT);
                message.setText(getTranslation("verify.resent"));
                event.getSource().setEnabled(false);
            });
            resend.addThemeVariants(ButtonVariant.PRIMARY);
            card().add(resend);
        }, () -> card().add(new Paragraph(getTranslation("verify.failed.signin"))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.page.title");
    }
}
