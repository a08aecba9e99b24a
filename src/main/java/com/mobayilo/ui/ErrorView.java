package com.mobayilo.ui;

import java.util.UUID;

import com.mobayilo.sandbox.SandboxMode;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A view failed to open. The user gets a reference to quote; the log gets the details. */
@AnonymousAllowed
class ErrorView extends PublicPage implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    private final Paragraph message = new Paragraph();

    ErrorView(SandboxMode sandbox) {
        super(sandbox);
        card().add(new H1(getTranslation("error.title")), message, new Anchor("", getTranslation("error.home")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        var refusal = UiErrors.findRefusal(parameter.getException());
        if (refusal != null) {
            message.setText(getTranslation(refusal.messageKey(), refusal.arguments()));
            return HttpServletResponse.SC_BAD_REQUEST;
        }
        var reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Could not open {}: {}", event.getLocation().getPath(), reference, parameter.getException());
        message.setText(getTranslation("error.unexpected", reference));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
