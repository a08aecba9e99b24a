package com.mobayilo.accounts.ui;

import java.util.Optional;

import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.User;
import com.mobayilo.accounts.VerificationNotices;
import com.mobayilo.ui.LayoutBanner;
import com.mobayilo.ui.LiveBinding;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;


/** Reminds an unverified user why calling and top-ups are locked, with a way to get a fresh link. */
@org.springframework.stereotype.Component
class EmailVerificationBanner implements LayoutBanner {

    private final CurrentAccount current;

    private final Registration registration;

    private final VerificationNotices notices;

    EmailVerificationBanner(CurrentAccount current, Registration registration, VerificationNotices notices) {
        this.current = current;
        this.registration = registration;
        this.notices = notices;
    }

    @Override
    public Optional<Component> banner() {
        return current.user().filter(user -> !user.isEmailVerified()).map(this::banner);
    }

    private Component banner(User user) {
        var ui = UI.getCurrent();
        var text = new Span(ui.getTranslation("banner.verify", user.email().value()));
        var resend = new Button(ui.getTranslation("verify.resend"));
        resend.addThemeVariants(ButtonVariant.SMALL);
        resend.addClickListener(event -> {
            registration.resendVerification(user.id()).block(UiWait.LIMIT);
            text.setText(ui.getTranslation("verify.resent"));
            resend.setEnabled(false);
        });
        var banner = new Div(text, resend);
        banner.addClassName("banner");
        banner.getElement().setAttribute("role", "status");
        banner.setId("verify-banner");
        // Confirmed from the mail in another tab or on another device: this tab no longer needs the reminder.
        LiveBinding.bind(banner, notices.verifiedOf(user.id()), verified -> banner.setVisible(false));
        return banner;
    }
}
