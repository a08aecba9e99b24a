package com.mobayilo.payments.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.mobayilo.accounts.User;
import com.mobayilo.payments.InvalidTopUp;
import com.mobayilo.payments.TopUpAmount;
import com.mobayilo.payments.TopUpStarts;
import com.mobayilo.shared.Money;
import com.mobayilo.ui.UiWait;
import com.mobayilo.wallet.WalletId;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;

/**
 * "Add credit" on the wallet page: a pack, or an amount of one's own from $5 to $500, then the hosted checkout.
 * Nothing is credited here: only the provider's confirmation does that. Back from a cancelled checkout
 * ({@code ?checkout=cancelled}) it says that nothing was charged.
 */
class AddCredit extends Div implements AfterNavigationObserver {

    private static final BigDecimal LARGEST = BigDecimal.valueOf(1_000_000_000);

    private final TopUpStarts starts;

    private final User payer;

    private final WalletId wallet;

    private final BigDecimalField amount = new BigDecimalField();

    private final Paragraph cancelled = new Paragraph();

    private final List<Button> choices = new ArrayList<>();

    AddCredit(TopUpStarts starts, User payer, WalletId wallet) {
        this.starts = starts;
        this.payer = payer;
        this.wallet = wallet;
        setId("add-credit");
        addClassNames("wallet-section", "add-credit");
        cancelled.setText(getTranslation("topup.cancelled"));
        cancelled.addClassNames("notice", "topup-cancelled");
        cancelled.getElement().setAttribute("role", "status");
        cancelled.setVisible(false);
        var intro = new Paragraph(getTranslation("topup.intro"));
        intro.addClassName("add-credit-intro");
        add(new H2(getTranslation("topup.title")), cancelled, intro, packs(), custom());
        if (!payer.isEmailVerified()) {
            var locked = new Paragraph(getTranslation("topup.locked"));
            locked.addClassName("add-credit-locked");
            add(locked);
            choices.forEach(choice -> choice.setEnabled(false));
            amount.setEnabled(false);
        }
    }

    private Div packs() {
        var packs = new Div();
        packs.addClassName("topup-packs");
        for (var pack : TopUpAmount.PACKS) {
            var price = new Span(dollars(pack, getLocale()));
            price.addClassName("topup-pack-price");
            var credits = new Span(getTranslation("wallet.credits", pack.cents()));
            credits.addClassName("topup-pack-credits");
            // The space keeps "$5 500 credits" two words, so the visible text stays part of the button's accessible name.
            var button = new Button(new Div(price, new com.vaadin.flow.component.Text(" "), credits), event -> buy(pack));
            button.addClassName("topup-pack");
            button.getElement().setAttribute("aria-label", getTranslation("topup.pack", dollars(pack, getLocale()), pack.cents()));
            choices.add(button);
            packs.add(button);
        }
        return packs;
    }

    private Div custom() {
        amount.setId("topup-amount");
        amount.setLabel(getTranslation("topup.custom"));
        amount.setHelperText(getTranslation("topup.custom.helper", TopUpAmount.LEAST.cents() / 100, TopUpAmount.MOST.cents() / 100));
        amount.setPrefixComponent(new Span("$"));
        amount.setLocale(getLocale());
        amount.addValueChangeListener(event -> amount.setInvalid(false));
        var pay = new Button(getTranslation("topup.custom.pay"), event -> buyCustom());
        pay.addThemeVariants(ButtonVariant.PRIMARY);
        pay.addClickShortcut(Key.ENTER).listenOn(amount);
        choices.add(pay);
        var row = new Div(amount, pay);
        row.addClassName("topup-custom");
        return row;
    }

    private void buyCustom() {
        var dollars = amount.getValue();
        if (dollars != null && dollars.stripTrailingZeros().scale() > 2) {
            refuse(getTranslation("topup.custom.cents"));
            return;
        }
        try {
            buy(TopUpAmount.of(cents(dollars)));
        }
        catch (InvalidTopUp refused) {
            refuse(getTranslation(refused.messageKey(), refused.arguments()));
        }
    }

    /** The amount in cents; none when empty or beyond any amount (which the bounds then refuse). */
    static Money cents(BigDecimal dollars) {
        return dollars == null || dollars.abs().compareTo(LARGEST) > 0 ? null : Money.cents(dollars.movePointRight(2).longValueExact());
    }

    private void refuse(String message) {
        amount.setErrorMessage(message);
        amount.setInvalid(true);
    }

    private void buy(Money chosen) {
        choices.forEach(choice -> choice.setEnabled(false));
        try {
            var started = starts.start(payer, wallet, chosen, getLocale()).block(UiWait.LIMIT);
            UI.getCurrent().getPage().setLocation(started.checkoutUrl().toString());
        }
        catch (RuntimeException refused) {
            choices.forEach(choice -> choice.setEnabled(true));
            throw refused;
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        var checkout = event.getLocation().getQueryParameters().getSingleParameter("checkout");
        cancelled.setVisible(checkout.filter("cancelled"::equals).isPresent());
    }

    /** A pack's price without cents: "$10", "10 $US". */
    static String dollars(Money money, Locale locale) {
        var format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Money.CURRENCY);
        format.setMaximumFractionDigits(money.cents() % 100 == 0 ? 0 : 2);
        return format.format(BigDecimal.valueOf(money.cents(), 2));
    }
}
