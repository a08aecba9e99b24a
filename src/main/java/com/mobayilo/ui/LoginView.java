package com.mobayilo.ui;

import com.mobayilo.sandbox.SandboxMode;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Password sign-in. The form posts to Spring Security; failures come back as query parameters. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    private final Paragraph notice = new Paragraph();

    LoginView(SandboxMode sandbox) {
        super(sandbox);
        form.setAction("login");
        form.setI18n(i18n(null, null));
        form.addForgotPasswordListener(event -> form.getUI().ifPresent(ui -> ui.navigate("forgot-password")));
        notice.addClassName("notice");
        notice.setVisible(false);
        var signUp = new Anchor("signup", getTranslation("login.signup.link"));
        var signUpLine = new Paragraph(getTranslation("login.signup.question") + " ");
        signUpLine.add(signUp);
        // Seats have no password: they ask for an emailed link (a page of the companies feature, reached by its path).
        var seatLine = new Paragraph(getTranslation("signinlink.login.question") + " ");
        seatLine.add(new Anchor("signin-link/request", getTranslation("signinlink.login.link")));
        seatLine.setId("seat-signin-link");
        card().add(notice, form, seatLine, signUpLine);
        if (sandbox.isFullSandbox()) {
            var hint = new Paragraph(getTranslation("login.sandbox.hint") + " ");
            hint.add(new Anchor("dev/mailbox", getTranslation("login.sandbox.mailbox")));
            hint.addClassName("sandbox-hint");
            card().add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("throttled")) {
            var minutes = parameters.get("throttled").stream().findFirst().filter(value -> value.matches("\\d{1,4}")).orElse("15");
            showError(getTranslation("login.throttled.title"), getTranslation("login.throttled.message", minutes));
        }
        else if (parameters.containsKey("error")) {
            showError(getTranslation("login.error.title"), getTranslation("login.error.message"));
        }
        SignedOutNotice.REASONS.stream().filter(parameters::containsKey).findFirst()
                .or(() -> SignedOutNotice.takeFrom(VaadinRequest.getCurrent(), VaadinResponse.getCurrent()))
                .ifPresent(reason -> {
                    notice.setText(getTranslation("login.notice." + reason));
                    notice.setVisible(true);
                });
    }

    private void showError(String title, String message) {
        form.setI18n(i18n(title, message));
        form.setError(true);
    }

    private LoginI18n i18n(String errorTitle, String errorMessage) {
        var i18n = LoginI18n.createDefault();
        var labels = new LoginI18n.Form();
        labels.setTitle(getTranslation("login.title"));
        labels.setUsername(getTranslation("login.email"));
        labels.setPassword(getTranslation("login.password"));
        labels.setSubmit(getTranslation("login.submit"));
        labels.setForgotPassword(getTranslation("login.forgot"));
        i18n.setForm(labels);
        var errors = new LoginI18n.ErrorMessage();
        errors.setTitle(errorTitle == null ? getTranslation("login.error.title") : errorTitle);
        errors.setMessage(errorMessage == null ? getTranslation("login.error.message") : errorMessage);
        errors.setUsername(getTranslation("login.email.required"));
        errors.setPassword(getTranslation("login.password.required"));
        i18n.setErrorMessage(errors);
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page.title");
    }
}
