package com.mobayilo.accounts.ui;

import java.util.Map;

import com.mobayilo.accounts.AccountRefusal;
import com.mobayilo.accounts.PasswordPolicy;
import com.mobayilo.accounts.PasswordReset;
import com.mobayilo.sandbox.SandboxMode;
import com.mobayilo.ui.PublicPage;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
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

    private final PasswordField password = new PasswordField();

    private final PasswordField confirmation = new PasswordField();

    private final Binder<String[]> binder = new Binder<>();

    private String token = "";

    ResetPasswordView(SandboxMode sandbox, PasswordReset reset) {
        super(sandbox);
        this.reset = reset;
        password.setLabel(getTranslation("reset.password"));
        password.setHelperText(getTranslation("signup.password.helper", PasswordPolicy.SHORTEST));
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        confirmation.setLabel(getTranslation("reset.confirm"));
        binder.forField(password).asRequired(getTranslation("signup.password.required"))
                .withValidator(Fields.newPassword(this, () -> null))
                .bind(values -> values[0], (values, value) -> values[0] = value);
        binder.forField(confirmation).asRequired(getTranslation("reset.confirm.required"))
                .withValidator(value -> value.equals(password.getValue()), getTranslation("reset.confirm.mismatch"))
                .bind(values -> values[1], (values, value) -> values[1] = value);
        var save = new Button(getTranslation("reset.submit"), event -> submit());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER);
        card().add(new H1(getTranslation("reset.title")), password, confirmation, save);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
    }

    private void submit() {
        var values = new String[2];
        if (!binder.writeBeanIfValid(values)) {
            return;
        }
        try {
            reset.reset(token, values[0]).block();
            getUI().ifPresent(ui -> ui.navigate("login", com.vaadin.flow.router.QueryParameters.of("reset", "")));
        }
        catch (AccountRefusal refusal) {
            if (!Fields.showOnField(refusal, Map.of("password", password), this)) {
                throw refusal;
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.page.title");
    }
}
