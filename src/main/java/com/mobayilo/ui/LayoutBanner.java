package com.mobayilo.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

/**
 * Something a feature needs the signed-in user to see above every view (for example "verify your email").
 * The main layout asks each banner on every navigation; an empty answer shows nothing.
 */
public interface LayoutBanner {

    Optional<Component> banner();
}
