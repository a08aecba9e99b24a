package com.mobayilo;

/**
 * Which classes belong to which server context. Feature packages keep their adapters inside, so the split
 * is by sub-package name: {@code *.ui} goes to the Vaadin servlet context, {@code *.web} to the WebFlux
 * context, and everything else to the shared core.
 */
public final class ServerPackages {

    public static final String ROOT = "com.mobayilo";

    public static final String ANY_SERVER = "com\\.mobayilo\\.(.+\\.)?(ui|web)\\..*";

    public static final String NOT_UI = "^(?!com\\.mobayilo\\.(.+\\.)?ui\\.).*";

    public static final String NOT_WEB = "^(?!com\\.mobayilo\\.(.+\\.)?web\\.).*";

    private ServerPackages() {
    }
}
