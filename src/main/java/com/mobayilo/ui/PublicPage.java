package com.mobayilo.ui;

import com.mobayilo.sandbox.SandboxMode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;

/**
 * A page for people who are not signed in (sign-in, sign-up, links from mails): the brand, the language
 * switch, the sandbox badge, and one centred card for the page's content. The header, the card and the footer
 * are the banner, main and contentinfo landmarks, so everything on the page sits in exactly one of them
 * (docs/decisions/0028-checking-accessibility-and-french.md).
 */
public abstract class PublicPage extends Div {

    private final Main card = new Main();

    protected PublicPage(SandboxMode sandbox) {
        addClassName("public-page");
        var logo = new Image("assets/mobayilo.svg", "");
        logo.addClassName("brand-logo");
        var name = new Span("Mobayilo");
        name.addClassName("brand-name");
        var brand = new Div(logo, name);
        brand.addClassName("brand");
        var header = new Header(brand, SandboxBadge.of(sandbox, getTranslation("sandbox.badge"), getTranslation("sandbox.badge.explanation")),
                LanguageSwitch.toggle(getLocale(), locale -> { }));
        header.addClassName("public-header");
        card.addClassName("public-card");
        var footer = new Footer(new Span(getTranslation("app.tagline")));
        footer.addClassName("public-footer");
        add(header, card, footer);
    }

    protected Main card() {
        return card;
    }
}
