package com.mobayilo.accounts.ui;

import java.util.Map;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.AccountRefusal;
import com.mobayilo.accounts.AccountSettings;
import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.User;
import com.mobayilo.ui.ClientZone;
import com.mobayilo.ui.CountryField;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The signed-in user's own account: profile, email verification and password. */
@Route("settings")
@Menu(title = "nav.settings", order = 100, icon = "vaadin:cog")
@PermitAll
class SettingsView extends VerticalLayout implements HasDynamicTitle {

    private final CurrentAccount current;

    private final AccountSettings settings;

    private final Registration registration;

    SettingsView(CurrentAccount current, AccountSettings settings, Registration registration, ApiKeys apiKeys) {
        this.current = current;
        this.settings = settings;
        this.registration = registration;
        addClassName("page");
        var user = current.user().orElseThrow();
        var keys = new ApiKeysSection(apiKeys, user.id(), ClientZone.of(UI.getCurrent()));
        add(new H1(getTranslation("settings.title")), profile(user), email(user), password(user, keys), keys);
    }

    private Section profile(User user) {
        var email = new EmailField(getTranslation("settings.email"));
        email.setValue(user.email().value());
        email.setReadOnly(true);
        var name = new TextField(getTranslation("signup.name"));
        name.setValue(user.fullName());
        name.setRequired(true);
        var country = new CountryField(getTranslation("signup.country"), getLocale());
        country.setValue(user.homeCountry().value());
        country.setHelperText(getTranslation("signup.country.helper"));
        var save = new Button(getTranslation("settings.profile.save"), event -> {
            try {
                settings.updateProfile(user.id(), name.getValue(), country.getValue(), user.locale()).block(UiWait.LIMIT);
                saved("settings.profile.saved");
            }
            catch (AccountRefusal refusal) {
                if (!Fields.showOnField(refusal, Map.of("fullName", name, "homeCountry", country), this)) {
                    throw refusal;
                }
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        return section("settings.profile", new FormLayout(email, name, country), save);
    }

    private Section email(User user) {
        if (user.isEmailVerified()) {
            return section("settings.verification", new Paragraph(getTranslation("settings.verification.done")));
        }
        var status = new Paragraph(getTranslation("settings.verification.pending"));
        var resend = new Button(getTranslation("verify.resend"), event -> {
            registration.resendVerification(user.id()).block(UiWait.LIMIT);
            status.setText(getTranslation("verify.resent"));
            event.getSource().setEnabled(false);
        });
        return section("settings.verification", status, resend);
    }

    private Section password(User user, ApiKeysSection keys) {
        var currentPassword = new PasswordField(getTranslation("settings.password.current"));
        currentPassword.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        var newPassword = new PasswordField(getTranslation("settings.password.new"));
        newPassword.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        newPassword.setHelperText(getTranslation("signup.password.helper", com.mobayilo.accounts.PasswordPolicy.SHORTEST));
        var revokeKeys = new Checkbox(getTranslation("settings.password.revokeKeys"));
        var change = new Button(getTranslation("settings.password.change"), event -> {
            try {
                var changed = settings.changePassword(user.id(), currentPassword.getValue(), newPassword.getValue(), revokeKeys.getValue()).block(UiWait.LIMIT);
                // Other sessions end at their next request; this one carries the new password's fingerprint and stays.
                SessionSignIn.signIn(AccountPrincipal.of(changed));
                currentPassword.clear();
                newPassword.clear();
                if (revokeKeys.getValue()) {
                    keys.refresh();
                    saved("settings.password.changed.keysRevoked");
                }
                else {
                    saved("settings.password.changed");
                }
                revokeKeys.clear();
            }
            catch (AccountRefusal refusal) {
                if (!Fields.showOnField(refusal, Map.of("currentPassword", currentPassword, "password", newPassword), this)) {
                    throw refusal;
                }
            }
        });
        return section("settings.password", new Paragraph(getTranslation("settings.password.intro")), new FormLayout(currentPassword, newPassword),
                revokeKeys, change);
    }

    private Section section(String key, com.vaadin.flow.component.Component... content) {
        var section = new Section(new H2(getTranslation(key)));
        section.add(content);
        section.addClassName("settings-section");
        return section;
    }

    private void saved(String key) {
        Notification.show(getTranslation(key), 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.SUCCESS);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.page.title");
    }
}
