package com.mobayilo.ui;

import java.util.UUID;

import com.mobayilo.database.DatabaseUnavailable;
import com.mobayilo.shared.DomainException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The UI's single edge for errors raised while handling a user's action: a domain refusal becomes a
 * notification in the user's language; a database outage says "temporarily unavailable" with a button to try again
 * (docs/decisions/0035-behaviour-under-database-faults.md); anything else is logged with a reference the user can
 * quote, and never shown as a stack trace.
 */
@Component
class UiErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(UiErrors::handle));
    }

    static void handle(ErrorEvent event) {
        var ui = UI.getCurrent();
        if (ui == null) {
            log.error("Error outside a UI", event.getThrowable());
            return;
        }
        var outage = DatabaseUnavailable.in(event.getThrowable());
        if (outage.isPresent()) {
            log.warn("Told a user the service is temporarily unavailable: {}", outage.get().reason());
            showUnavailable(ui);
            return;
        }
        var refusal = findRefusal(event.getThrowable());
        if (refusal != null) {
            show(ui, ui.getTranslation(refusal.messageKey(), refusal.arguments()));
            return;
        }
        var reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected UI error {}", reference, event.getThrowable());
        show(ui, ui.getTranslation("error.unexpected", reference));
    }

    static DomainException findRefusal(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException refusal) {
                return refusal;
            }
        }
        return null;
    }

    /** Stays until the user acts: they try again (the page reloads and reads afresh) or close it. */
    private static void showUnavailable(UI ui) {
        var notification = new Notification();
        notification.setPosition(Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.WARNING);
        notification.getElement().setAttribute("role", "alert");
        var retry = new Button(ui.getTranslation("unavailable.retry"), click -> ui.getPage().reload());
        retry.addThemeVariants(ButtonVariant.SMALL);
        var close = new Button(ui.getTranslation("unavailable.close"), click -> notification.close());
        close.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        notification.add(new Span(ui.getTranslation("unavailable.message")), retry, close);
        notification.open();
    }

    private static void show(UI ui, String message) {
        var notification = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.getElement().setAttribute("role", "alert");
    }
}
