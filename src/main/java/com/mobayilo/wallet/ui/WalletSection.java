package com.mobayilo.wallet.ui;

import com.mobayilo.wallet.Wallet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.textfield.BigDecimalField;

/**
 * A part another feature adds to the wallet page, under the balance (payments adds "Add credit" and the receipts).
 * The wallet cannot call those features: they depend on it, so it offers this instead, in the order of the beans.
 * Vaadin's production bundle loads a page's web components from what its route reaches in the code, and it cannot
 * see through this interface: the components sections use that the page itself does not are named here.
 */
@Uses(BigDecimalField.class)
@Uses(Checkbox.class)
public interface WalletSection {

    /** A new component for this page view, about the signed-in person's {@code wallet}. */
    Component section(Wallet wallet);
}
