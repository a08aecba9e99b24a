package com.mobayilo.ui;

import com.mobayilo.sandbox.SandboxMode;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** An unknown address: a friendly page in the user's language, with a way back. */
@AnonymousAllowed
class NotFoundView extends PublicPage implements HasErrorParameter<NotFoundException> {

    NotFoundView(SandboxMode sandbox) {
        super(sandbox);
        card().add(new H1(getTranslation("error.notfound.title")), new Paragraph(getTranslation("error.notfound.message")),
                new Anchor("", getTranslation("error.home")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
