package com.mobayilo.ui;

import java.util.Locale;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.icon.AbstractIcon;

/**
 * The icons Mobayilo shows. Vaadin's {@code VaadinIcon} would bring its whole icon set (some 600 drawings, 56 KiB
 * compressed) into every first visit; these are the same drawings under the same names, shipped as a set of only
 * what is listed here ({@code mobayilo-iconset.ts}, docs/decisions/0029-page-weight-budget.md). To add one, add its
 * constant and copy its {@code <g id="vaadin:…">} line from {@code @vaadin/icons/vaadin-iconset.js}.
 */
public enum AppIcon {
    BUILDING, CHART, CHECK_CIRCLE, CLOSE_CIRCLE, COG, DASHBOARD, DOWNLOAD_ALT, ELLIPSIS_DOTS_V, GLOBE, INFO_CIRCLE_O,
    LIST, MICROPHONE, PHONE, PHONE_LANDLINE, PLUS, PLUS_CIRCLE_O, PRINT, REFRESH, SCALE, SEARCH, SHIELD, SIGN_OUT,
    SIGNAL, STAR, STAR_O, TABLE, TRASH, USERS, WALLET, WARNING;

    /** The name in the icon set, as {@code @Menu(icon = …)} gives it: {@code vaadin:phone}. */
    public String iconName() {
        return "vaadin:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Glyph create() {
        return new Glyph(iconName());
    }

    /** A menu entry's icon by name; {@code null} when it is not one of these. */
    public static Glyph named(String iconName) {
        for (var icon : values()) {
            if (icon.iconName().equals(iconName)) {
                return icon.create();
            }
        }
        return null;
    }

    /** One icon on the page: Vaadin's {@code <vaadin-icon icon="vaadin:…">}, drawn from Mobayilo's small set. */
    @Tag("vaadin-icon")
    @JsModule("./mobayilo-iconset.ts")
    public static final class Glyph extends AbstractIcon<Glyph> {

        private Glyph(String iconName) {
            getElement().setAttribute("icon", iconName);
        }

        @Override
        public void setColor(String color) {
            if (color == null) {
                getStyle().remove("fill");
            } else {
                getStyle().set("fill", color);
            }
        }

        @Override
        public String getColor() {
            return getStyle().get("fill");
        }
    }
}
