package com.mobayilo.testing;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Steps any browser test takes as a person: open a page, sign in, use the user menu. */
public record Visitor(Page page, Texts texts, TestApp app) {

    public static Visitor of(Browser browser, TestApp app, String language) {
        return new Visitor(browser.visitor(language), Texts.of(language), app);
    }

    /** A person on a phone (390×844, touch): see {@link Browser#phone(String)}. */
    public static Visitor onPhone(Browser browser, TestApp app, String language) {
        return new Visitor(browser.phone(language), Texts.of(language), app);
    }

    public Visitor open(String path) {
        page.navigate(app.uiUrl() + "/" + path);
        return this;
    }

    public Visitor signIn(String email, String password) {
        open("login");
        page.getByLabel(texts.t("login.email")).fill(email);
        page.getByLabel(texts.t("login.password"), new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(texts.t("login.submit"))).click();
        page.waitForURL(url -> !url.contains("/login"));
        return this;
    }

    public Visitor signOut(String email) {
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(texts.t("menu.user", email))).click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(texts.t("menu.signout"))).click();
        page.waitForURL(url -> url.contains("/login"));
        return this;
    }

    public void click(String buttonKey, Object... arguments) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(texts.t(buttonKey, arguments)).setExact(true)).click();
    }

    public void fill(String labelKey, String value) {
        page.getByLabel(texts.t(labelKey), new Page.GetByLabelOptions().setExact(true)).fill(value);
    }

    public String t(String key, Object... arguments) {
        return texts.t(key, arguments);
    }
}
