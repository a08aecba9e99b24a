package com.mobayilo.ui;

import java.util.UUID;

import com.mobayilo.database.DatabaseUnavailable;
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

/**
 * A view failed to open. The user gets a reference to quote; the log gets the details. When the database is down the
 * page says so, with a link to try the same page again (docs/decisions/0035-behaviour-under-database-faults.md).
 */
@AnonymousAllowed
class ErrorView extends PublicPage implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    private final H1 title = new H1(getTranslation("error.title"));

    private final Paragraph message = new Paragraph();

    private final Anchor next = new Anchor("", getTranslation("error.home"));

    ErrorView(SandboxMode sandbox) {
        super(sandbox);
        card().add(title, message, next);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        var outage = DatabaseUnavailable.in(parameter.getException());
        if (outage.isPresent()) {
            log.warn("Could not open {}: the database is unavailable ({})", event.getLocation().getPath(), outage.get().reason());
            title.setText(getTranslation("unavailable.title"));
            message.setText(getTranslation("unavailable.message"));
            next.setText(getTranslation("unavailable.retry"));
            next.setHref(event.getLocation().getPathWithQueryParameters());
            // A real page load, not the router's: the router keeps this error for a location it already shows.
            next.getElement().setAttribute("router-ignore", true);
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
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
