package com.mobayilo.rating.ui;

import java.text.Collator;
import java.util.Comparator;
import java.util.Optional;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.User;
import com.mobayilo.accounts.Users;
import com.mobayilo.rating.CountryRates;
import com.mobayilo.rating.Quote;
import com.mobayilo.rating.Quotes;
import com.mobayilo.rating.RateDeck;
import com.mobayilo.rating.RatingRefusal;
import com.mobayilo.sandbox.SandboxMode;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import com.mobayilo.ui.AppIcon;
import com.mobayilo.ui.CountryField;
import com.mobayilo.ui.GridCards;
import com.mobayilo.ui.UiWait;
import com.mobayilo.wallet.WalletOwners;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The public rates page: search a country or paste a number. A number shows its country, kind of line and rate,
 * and for a signed-in caller how many minutes they can call now; a country shows its landline and mobile rates.
 */
@Route("rates")
@Menu(title = "nav.rates", order = 30, icon = "vaadin:globe")
@AnonymousAllowed
class RatesView extends VerticalLayout implements HasDynamicTitle {

    private final Quotes quotes;

    private final RateDeck deck;

    private final Optional<CountryCode> home;

    private final Optional<User> caller;

    private final Optional<Money> available;

    private final TextField search = new TextField();

    private final QuoteCard card = new QuoteCard();

    private final Grid<CountryRates> countries = new Grid<>();

    RatesView(Quotes quotes, RateDeck deck, SandboxMode sandbox, AuthenticationContext authentication, Users users, WalletOwners owners) {
        this.quotes = quotes;
        this.deck = deck;
        addClassName("page");
        var principal = authentication.getAuthenticatedUser(AccountPrincipal.class);
        this.caller = principal.flatMap(account -> users.findById(account.id()).blockOptional(UiWait.LIMIT));
        this.home = caller.map(User::homeCountry)
                .or(() -> Optional.ofNullable(CountryField.guess(VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getLocale()))
                        .map(CountryCode::of));
        this.available = principal.flatMap(account -> owners.walletOf(account).blockOptional(UiWait.LIMIT)).map(wallet -> wallet.available());
        search.setLabel(getTranslation("rates.search"));
        search.setPlaceholder(getTranslation("rates.search.placeholder"));
        search.setHelperText(getTranslation("rates.search.helper"));
        search.setPrefixComponent(AppIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.setMaxLength(100);
        search.addValueChangeListener(event -> show(event.getValue()));
        add(new H1(getTranslation("rates.title")), new Paragraph(getTranslation("rates.intro")));
        if (sandbox.isFullSandbox()) {
            var sample = new Paragraph(getTranslation("rates.sample"));
            sample.addClassName("sandbox-hint");
            add(sample);
        }
        configureCountries();
        add(search, card, countries);
        show("");
    }

    private void configureCountries() {
        countries.addColumn(rates -> rates.country().displayName(getLocale())).setHeader(getTranslation("rates.country")).setFlexGrow(2)
                .setComparator(Comparator.comparing((CountryRates rates) -> rates.country().displayName(getLocale()), Collator.getInstance(getLocale())))
                .setSortable(true);
        countries.addColumn(this::landline).setHeader(getTranslation("rates.landline")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        countries.addColumn(this::mobile).setHeader(getTranslation("rates.mobile")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        countries.setAriaLabel(getTranslation("rates.countries"));
        countries.setEmptyStateText(getTranslation("rates.countries.none"));
        // Long country names wrap; on a phone the three columns cannot fit, so each country is a card.
        countries.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        GridCards.whenNarrow(countries, rates -> GridCards.card(rates.country().displayName(getLocale()), "",
                getTranslation("cards.labelled", getTranslation("rates.landline"), landline(rates)),
                getTranslation("cards.labelled", getTranslation("rates.mobile"), mobile(rates))));
    }

    private String landline(CountryRates rates) {
        return rates.landline().map(rate -> perMinute(rate.perMinute())).orElse("—");
    }

    private String mobile(CountryRates rates) {
        return rates.mobile().map(rate -> perMinute(rate.perMinute())).orElse("—");
    }

    private void show(String text) {
        var query = text == null ? "" : text.strip();
        search.setInvalid(false);
        if (looksLikeNumber(query)) {
            countries.setVisible(false);
            try {
                card.show(quote(query), getLocale());
            }
            catch (RatingRefusal refusal) {
                card.hide();
                search.setErrorMessage(getTranslation(refusal.messageKey(), refusal.arguments()));
                search.setInvalid(true);
            }
            return;
        }
        card.hide();
        countries.setVisible(true);
        var collator = Collator.getInstance(getLocale());
        collator.setStrength(Collator.PRIMARY);
        countries.setItems(deck.countries().stream()
                .filter(rates -> query.isEmpty() || contains(rates.country().displayName(getLocale()), query, collator)
                        || rates.country().value().equalsIgnoreCase(query))
                .sorted(Comparator.comparing(rates -> rates.country().displayName(getLocale()), collator))
                .toList());
    }

    /** A signed-in caller also sees the minutes they can call now, counted as the dialer and the call count them. */
    private Quote quote(String number) {
        return caller.isPresent() && available.isPresent() ? quotes.quoteFor(number, caller.get(), available.get()).block(UiWait.LIMIT)
                : quotes.quote(number, home.orElse(null));
    }

    private String perMinute(Money rate) {
        return getTranslation("rates.perminute", rate.cents(), rate.format(getLocale()));
    }

    /** Digits, plus, spaces and separators only, with at least three digits: treated as a phone number. */
    static boolean looksLikeNumber(String query) {
        var digits = query.chars().filter(Character::isDigit).count();
        return digits >= 3 && (query.matches("(?i)(tel:|callto:)?[+0-9 ().\\-/%]*") || digits * 2 > query.length());
    }

    private static boolean contains(String name, String query, Collator collator) {
        for (int start = 0; start + query.length() <= name.length(); start++) {
            if (collator.compare(name.substring(start, start + query.length()), query) == 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rates.page.title");
    }
}
