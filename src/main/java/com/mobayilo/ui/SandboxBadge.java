package com.mobayilo.ui;

import com.mobayilo.sandbox.SandboxMode;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;

/** The visible "Sandbox" badge shown while any provider is simulated. */
public final class SandboxBadge {

    private SandboxBadge() {
    }

    public static Badge of(SandboxMode sandbox, String text, String explanation) {
        var badge = new Badge(text);
        badge.addThemeVariants(BadgeVariant.WARNING);
        badge.getElement().setAttribute("title", explanation);
        badge.addClassName("sandbox-badge");
        badge.setVisible(sandbox.simulatesAnything());
        return badge;
    }
}
