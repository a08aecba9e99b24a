package com.mobayilo.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

/** A live element a feature places in the app header, such as the wallet balance; empty when it has nothing to show. */
public interface HeaderWidget {

    Optional<Component> widget();
}
