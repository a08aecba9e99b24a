package com.mobayilo.companies.ui;

import java.util.Map;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.AccountRefusal;
import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.PasswordPolicy;
import com.mobayilo.accounts.SignUp;
import com.mobayilo.accounts.ui.Fields;
import com.mobayilo.accounts.ui.SessionSignIn;
import com.mobayilo.companies.CompanyRefusal;
import com.mobayilo.companies.CompanySignUps;
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
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Creating a company account: the company, its wallet and its first admin at once. The admin is signed in
 * straight away and lands on the company's dashboard; the verification mail is on its way as for anyone.
 */
@Route(value = "signup/company", autoLayout = false)
@AnonymousAllowed
class CompanySignUpView extends PublicPage implements HasDynamicTitle {

    private final CompanySignUps signUps;

    private final TextField companyName = new TextField();

    private final TextField fullName = new TextField();

    private final EmailField email;

    private final PasswordField password = new PasswordField();

    private final CountryField billingCountry;

    private final Binder<Form> binder = new Binder<>();

    CompanySignUpView(SandboxMode sandbox, CompanySignUps signUps) {
        super(sandbox);
        this.signUps = signUps;
        companyName.setLabel(getTranslation("companysignup.company"));
        companyName.setAutocomplete(Autocomplete.ORGANIZATION);
        companyName.setMaxLength(100);
        fullName.setLabel(getTranslation("companysignup.name"));
        fullName.setAutocomplete(Autocomplete.NAME);
        email = Fields.email(this, "companysignup.email");
        password.setLabel(getTranslation("signup.password"));
        password.setHelperText(getTranslation("signup.password.helper", PasswordPolicy.SHORTEST));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        billingCountry = new CountryField(getTranslation("companysignup.country"), getLocale());
        billingCountry.setHelperText(getTranslation("companysignup.country.helper"));
        billingCountry.setValue(CountryField.guess(VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getLocale()));
        bind();
        var create = new Button(getTranslation("companysignup.submit"), event -> submit());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickShortcut(Key.ENTER);
        var form = new FormLayout(companyName, fullName, email, password, billingCountry);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        var individual = new Paragraph(getTranslation("companysignup.individual.question") + " ");
        individual.add(new Anchor("signup", getTranslation("companysignup.individual.link")));
        var signIn = new Paragraph(getTranslation("signup.signin.question") + " ");
        signIn.add(new Anchor("login", getTranslation("signup.signin.link")));
        card().add(new H1(getTranslation("companysignup.title")), new Paragraph(getTranslation("companysignup.intro")), form, create, individual,
                signIn);
    }

    private void bind() {
        binder.forField(companyName)
                .asRequired(getTranslation("companysignup.company.required"))
                .bind(Form::getCompanyName, Form::setCompanyName);
        binder.forField(fullName)
                .asRequired(getTranslation("signup.name.required"))
                .bind(Form::getFullName, Form::setFullName);
        binder.forField(email)
                .asRequired(getTranslation("signup.email.required"))
                .withValidator(EmailAddress::isValid, getTranslation("accounts.email.invalid"))
                .bind(Form::getEmail, Form::setEmail);
        binder.forField(password)
                .asRequired(getTranslation("signup.password.required"))
                .withValidator(Fields.newPassword(this, email::getValue))
                .bind(Form::getPassword, Form::setPassword);
        binder.forField(billingCountry)
                .asRequired(getTranslation("companysignup.country.required"))
                .bind(Form::getBillingCountry, Form::setBillingCountry);
    }

    private void submit() {
        var form = new Form();
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        // The admin's home country is the company's billing country: one question, not two.
        var fields = Map.of("companyName", companyName, "fullName", fullName, "email", email, "password", password,
                "homeCountry", billingCountry, "billingCountry", billingCountry);
        try {
            var admin = signUps.signUp(form.getCompanyName(),
                    new SignUp(form.getEmail(), form.getFullName(), form.getPassword(), form.getBillingCountry(), getLocale())).block(UiWait.LIMIT);
            SessionSignIn.signIn(AccountPrincipal.of(admin));
            getUI().ifPresent(ui -> ui.getPage().setLocation("company"));
        }
        catch (AccountRefusal refusal) {
            if (!Fields.showOnField(refusal, fields, this)) {
                throw refusal;
            }
        }
        catch (CompanyRefusal refusal) {
            if (!Fields.showOnField(refusal.field(), refusal, fields, this)) {
                throw refusal;
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("companysignup.page.title");
    }

    static final class Form {

        private String companyName;

        private String fullName;

        private String email;

        private String password;

        private String billingCountry;

        String getCompanyName() {
            return companyName;
        }

        void setCompanyName(String companyName) {
            this.companyName = companyName;
        }

        String getFullName() {
            return fullName;
        }

        void setFullName(String fullName) {
            this.fullName = fullName;
        }

        String getEmail() {
            return email;
        }

        void setEmail(String email) {
            this.email = email;
        }

        String getPassword() {
            return password;
        }

        void setPassword(String password) {
            this.password = password;
        }

        String getBillingCountry() {
            return billingCountry;
        }

        void setBillingCountry(String billingCountry) {
            this.billingCountry = billingCountry;
        }
    }
}
