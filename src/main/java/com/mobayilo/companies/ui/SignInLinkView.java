package com.mobayilo.companies.ui;

import com.mobayilo.accounts.LinkNotValid;
import com.mobayilo.accounts.ui.SessionSignIn;
import com.mobayilo.companies.SeatSignIn;
import com.mobayilo.sandbox.SandboxMode;
import com.mobayilo.ui.PublicPage;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Where a seat's sign-in or invitation link lands. Opening the page spends nothing: mail scanners fetch links
 * before people do, so only pressing "Sign in" uses the link.
 */
@Route(value = "signin-link", autoLayout = false)
@AnonymousAllowed
class SignInLinkView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final SeatSignIn signIn;

    private final Paragraph intro = new Paragraph();

    private final Button proceed = new Button();

    private final Paragraph problem = new Paragraph();

    private String token = "";

    SignInLinkView(SandboxMode sandbox, SeatSignIn signIn) {
        super(sandbox);
        this.signIn = signIn;
        intro.setText(getTranslation("signinlink.intro"));
        proceed.setText(getTranslation("signinlink.continue"));
        proceed.setId("signin-link-continue");
        proceed.addThemeVariants(ButtonVariant.PRIMARY);
        proceed.addClickListener(event -> proceed());
        problem.setText(getTranslation("signinlink.invalid") + " ");
        problem.add(new Anchor("signin-link/request", getTranslation("signinlink.invalid.request")));
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        card().add(new H1(getTranslation("signinlink.title")), intro, proceed, problem);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        if (token.isBlank()) {
            showInvalid();
        }
    }

    private void proceed() {
        try {
            var principal = signIn.signIn(token).block(UiWait.LIMIT);
            SessionSignIn.signIn(principal);
            // A full load, not a router hop: the new session's cookie and the signed-in layout come with it.
            getUI().ifPresent(ui -> ui.getPage().setLocation("call"));
        }
        catch (LinkNotValid invalid) {
            showInvalid();
        }
    }

    private void showInvalid() {
        intro.setVisible(false);
        proceed.setVisible(false);
        problem.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signinlink.page.title");
    }
}
