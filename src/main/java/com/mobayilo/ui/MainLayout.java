package com.mobayilo.ui;

import java.util.List;

import com.mobayilo.sandbox.SandboxMode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame around every signed-in view: the brand, live header widgets (such as the balance), the user's
 * menu and the navigation. Navigation lists only views that exist and that this user may open; visitors see
 * the public views (the rates page) with a way to sign in. Features plug
 * in through {@link LayoutBanner}, {@link HeaderWidget} and {@code @Menu} (docs/decisions/0008-ui-shell-extension-points.md).
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    private final List<LayoutBanner> banners;

    // The banner and main landmarks: everything the layout shows sits in one of them, or in the drawer's navigation (decision 0028).
    private final Header header = new Header();

    private final Main content = new Main();

    private final Div bannerSlot = new Div();

    MainLayout(AuthenticationContext authentication, SandboxMode sandbox, List<LayoutBanner> banners,
            ObjectProvider<HeaderWidget> widgets, ObjectProvider<LanguagePreference> preferences) {
        this.banners = banners;
        setPrimarySection(Section.DRAWER);
        header.addClassName("layout-header");
        header.add(new DrawerToggle(), brand(), SandboxBadge.of(sandbox, getTranslation("sandbox.badge"), getTranslation("sandbox.badge.explanation")),
                spacer());
        widgets.orderedStream().map(HeaderWidget::widget).flatMap(java.util.Optional::stream).forEach(header::add);
        header.add(authentication.isAuthenticated() ? userMenu(authentication, preferences) : visitorActions());
        addToNavbar(header);
        addToDrawer(navigation());
        bannerSlot.addClassName("layout-banners");
        content.addClassName("layout-content");
        content.add(bannerSlot);
        setContent(content);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        bannerSlot.removeAll();
        banners.forEach(banner -> banner.banner().ifPresent(bannerSlot::add));
        content.getElement().removeAllChildren();
        content.getElement().appendChild(bannerSlot.getElement(), view.getElement());
    }

    private Component brand() {
        var logo = new Image("assets/mobayilo.svg", "");
        logo.addClassName("brand-logo");
        var name = new Span("Mobayilo");
        name.addClassName("brand-name");
        var brand = new Div(logo, name);
        brand.addClassName("brand");
        return brand;
    }

    private static Component spacer() {
        var spacer = new Div();
        spacer.addClassName("navbar-spacer");
        return spacer;
    }

    private SideNav navigation() {
        var nav = new SideNav();
        nav.setLabel(getTranslation("nav.label"));
        MenuConfiguration.getMenuEntries().stream().map(this::item).forEach(nav::addItem);
        return nav;
    }

    private SideNavItem item(MenuEntry entry) {
        var item = new SideNavItem(getTranslation(entry.title()), entry.path());
        // A view's @Menu icon is one of AppIcon's (AppIconTests checks every view).
        var icon = entry.icon() == null ? null : AppIcon.named(entry.icon());
        if (icon != null) {
            item.setPrefixComponent(icon);
        }
        return item;
    }

    private Component userMenu(AuthenticationContext authentication, ObjectProvider<LanguagePreference> preferences) {
        var who = authentication.getPrincipalName().orElse("");
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        // On a phone only the avatar shows (styles.css), so the menu never overflows into "More options".
        menu.addClassName("user-menu");
        var avatar = new Avatar(who);
        var email = new Span(who);
        email.addClassName("user-menu-email");
        var trigger = new Div(avatar, email);
        trigger.addClassName("user-menu-trigger");
        var root = menu.addItem(trigger);
        root.getElement().setAttribute("aria-label", getTranslation("menu.user", who));
        var items = root.getSubMenu();
        items.addItem(withIcon(AppIcon.COG, getTranslation("menu.settings")), event -> getUI().ifPresent(ui -> ui.navigate("settings")));
        var languages = items.addItem(withIcon(AppIcon.GLOBE, getTranslation("menu.language"))).getSubMenu();
        for (var locale : Translations.LANGUAGES) {
            var choice = languages.addItem(LanguageSwitch.nameOf(locale),
                    event -> LanguageSwitch.use(locale, chosen -> preferences.orderedStream().forEach(preference -> preference.remember(chosen))));
            choice.setCheckable(true);
            choice.setChecked(locale.getLanguage().equals(getLocale().getLanguage()));
            choice.getElement().setAttribute("lang", locale.getLanguage());
        }
        items.addItem(withIcon(AppIcon.SIGN_OUT, getTranslation("menu.signout")), event -> authentication.logout());
        return menu;
    }

    /** For visitors on public views (the rates page): a way in, and the language switch. */
    private Component visitorActions() {
        var signIn = new Anchor("login", getTranslation("login.submit"));
        signIn.addClassName("visitor-link");
        var signUp = new Anchor("signup", getTranslation("login.signup.link"));
        signUp.addClassName("visitor-link");
        var actions = new Div(LanguageSwitch.toggle(getLocale(), locale -> { }), signIn, signUp);
        actions.addClassName("visitor-actions");
        return actions;
    }

    private static Component withIcon(AppIcon icon, String text) {
        var row = new Div(icon.create(), new Span(text));
        row.addClassName("menu-row");
        return row;
    }
}
