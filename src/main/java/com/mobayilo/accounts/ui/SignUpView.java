package com.mobayilo.accounts.ui;

import java.util.Map;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.AccountRefusal;
import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.PasswordPolicy;
import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.SignUp;
import com.mobayilo.sandbox.SandboxMode;
import com.mobayilo.ui.CountryField;
import com.mobayilo.ui.PublicPage;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Creating an individual account. On success the person is signed in and a verification mail is on its way. */
@Route(value = "signup", autoLayout = false)
@AnonymousAllowed
class SignUpView extends PublicPage implements HasDynamicTitle {

    private final Registration registration;

    private final EmailField email;

    private final TextField fullName = new TextField();

    private final PasswordField password = new PasswordField();

    private final CountryField homeCountry;

    private final Binder<SignUpForm> binder = new Binder<>();

    SignUpView(SandboxMode sandbox, Registration registration) {
        super(sandbox);
        this.registration = registration;
        this.homeCountry = new CountryField(getTranslation("signup.country"), getLocale());
        this.email = Fields.email(this, "signup.email");
        fullName.setLabel(getTranslation("signup.name"));
        fullName.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NAME);
        password.setLabel(getTranslation("signup.password"));
        password.setHelperText(getTranslation("signup.password.helper", PasswordPolicy.SHORTEST));
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        homeCountry.setHelperText(getTranslation("signup.country.helper"));
        homeCountry.setValue(CountryField.guess(VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getLocale()));
        bind();
        var create = new Button(getTranslation("signup.submit"), event -> submit());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickShortcut(Key.ENTER);
        var form = new FormLayout(email, fullName, password, homeCountry);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        var signIn = new Paragraph(getTranslation("signup.signin.question") + " ");
        signIn.add(new Anchor("login", getTranslation("signup.signin.link")));
        // The company sign-up page belongs to the companies feature; it is reached by its path only.
        var company = new Paragraph(getTranslation("companysignup.fromIndividual.question") + " ");
        company.add(new Anchor("signup/company", getTranslation("companysignup.fromIndividual.link")));
        card().add(new H1(getTranslation("signup.title")), new Paragraph(getTranslation("signup.intro")), form, create, signIn, company);
    }

    private void bind() {
        binder.forField(email)
                .asRequired(getTranslation("signup.email.required"))
                .withValidator(EmailAddress::isValid, getTranslation("accounts.email.invalid"))
                .bind(SignUpForm::getEmail, SignUpForm::setEmail);
        binder.forField(fullName)
                .asRequired(getTranslation("signup.name.required"))
                .bind(SignUpForm::getFullName, SignUpForm::setFullName);
        binder.forField(password)
                .asRequired(getTranslation("signup.password.required"))
                .withValidator(Fields.newPassword(this, email::getValue))
                .bind(SignUpForm::getPassword, SignUpForm::setPassword);
        binder.forField(homeCountry)
                .asRequired(getTranslation("signup.country.required"))
                .bind(SignUpForm::getHomeCountry, SignUpForm::setHomeCountry);
    }

    private void submit() {
        var form = new SignUpForm();
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        try {
            var user = registration.signUp(new SignUp(form.getEmail(), form.getFullName(), form.getPassword(), form.getHomeCountry(), getLocale()))
                    .block(UiWait.LIMIT);
            SessionSignIn.signIn(AccountPrincipal.of(user));
            getUI().ifPresent(ui -> ui.getPage().setLocation("./"));
        }
        catch (AccountRefusal refusal) {
            if (!Fields.showOnField(refusal, Map.of("email", email, "password", password, "fullName", fullName, "homeCountry", homeCountry), this)) {
                throw refusal;
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signup.page.title");
    }

    static final class SignUpForm {

        private String email;

        private String fullName;

        private String password;

        private String homeCountry;

        String getEmail() {
            return email;
        }

        void setEmail(String email) {
            this.email = email;
        }

        String getFullName() {
            return fullName;
        }

        void setFullName(String fullName) {
            this.fullName = fullName;
        }

        String getPassword() {
            return password;
        }

        void setPassword(String password) {
            this.password = password;
        }

        String getHomeCountry() {
            return homeCountry;
        }

        void setHomeCountry(String homeCountry) {
            this.homeCountry = homeCountry;
        }
    }
}
