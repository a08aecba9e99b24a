package com.mobayilo.accounts.ui;

import com.mobayilo.accounts.AccountRefusal;
import com.mobayilo.accounts.PasswordReset;
import com.mobayilo.sandbox.SandboxMode;
import com.mobayilo.ui.PublicPage;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Choosing a new password from the link in the reset mail. */
@Route(value = "reset-password", autoLayout = false)
@AnonymousAllowed
class ResetPasswordView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final PasswordReset reset;

    private final NewPasswordForm password = new NewPasswordForm();

    private String token = "";

    ResetPasswordView(SandboxMode sandbox, PasswordReset reset) {
        super(sandbox);
        this.reset = reset;
        var save = new Button(getTranslation("reset.submit"), event -> submit());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER);
        card().add(new H1(getTranslation("reset.title")), new Paragraph(getTranslation("reset.intro")), password, save);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
    }

    private void submit() {
        var chosen = password.value();
        if (chosen.isEmpty()) {
            return;
        }
        try {
            reset.reset(token, chosen.get()).block(UiWait.LIMIT);
            getUI().ifPresent(ui -> ui.navigate("login", com.vaadin.flow.router.QueryParameters.of("reset", "")));
        }
        catch (AccountRefusal refusal) {
            if (!password.show(refusal)) {
                throw refusal;
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.page.title");
    }
}
