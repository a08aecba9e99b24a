package com.mobayilo.ui;

import com.vaadin.flow.component.Component;

/** A live element a feature places in the app header, such as the wallet balance. Created per UI. */
public interface HeaderWidget {

    Component widget();
}
