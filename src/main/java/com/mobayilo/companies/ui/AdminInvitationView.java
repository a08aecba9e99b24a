package com.mobayilo.companies.ui;

import com.mobayilo.accounts.AccountRefusal;
import com.mobayilo.accounts.LinkNotValid;
import com.mobayilo.accounts.PasswordReset;
import com.mobayilo.accounts.ui.NewPasswordForm;
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
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** An invited company admin chooses their password from the invitation mail, then signs in with it. */
@Route(value = "invitation", autoLayout = false)
@AnonymousAllowed
class AdminInvitationView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final PasswordReset passwords;

    private final NewPasswordForm password = new NewPasswordForm();

    private final Button save = new Button();

    private final Paragraph intro = new Paragraph();

    private final Paragraph problem = new Paragraph();

    private String token = "";

    AdminInvitationView(SandboxMode sandbox, PasswordReset passwords) {
        super(sandbox);
        this.passwords = passwords;
        intro.setText(getTranslation("invitation.intro"));
        save.setText(getTranslation("invitation.submit"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(event -> submit());
        problem.setText(getTranslation("invitation.invalid"));
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        card().add(new H1(getTranslation("invitation.title")), intro, password, save, problem);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        if (token.isBlank()) {
            showInvalid();
        }
    }

    private void submit() {
        var chosen = password.value();
        if (chosen.isEmpty()) {
            return;
        }
        try {
            passwords.acceptAdminInvitation(token, chosen.get()).block(UiWait.LIMIT);
            getUI().ifPresent(ui -> ui.navigate("login", QueryParameters.of("reset", "")));
        }
        catch (LinkNotValid invalid) {
            showInvalid();
        }
        catch (AccountRefusal refusal) {
            if (!password.show(refusal)) {
                throw refusal;
            }
        }
    }

    private void showInvalid() {
        intro.setVisible(false);
        password.setVisible(false);
        save.setVisible(false);
        problem.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitation.page.title");
    }
}
