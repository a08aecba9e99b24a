package com.mobayilo.sandbox;

import java.util.SequencedMap;
import java.util.regex.Pattern;

/**
 * What people leave in a settings file until they fill in a real secret: {@code replace-me}, {@code changeme},
 * {@code xxx}, {@code your-…}, {@code <…>}, an unexpanded {@code ${…}}, empty. A live provider started with one would
 * run with a secret anyone can guess, so the start stops and names the variable
 * (docs/decisions/0023-trusted-proxies-and-safe-starts.md). The value itself is never repeated, in case it is real.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)\\s*(?:"
            + "|[x*._-]+|.{0,10}x{6,}|<.*>|\\$\\{.*}|\\{\\{.*}}|your[-_ .].*|.*replace[-_ ]?me.*|.*change[-_ ]?(?:me|it).*"
            + "|todo|tbd|fixme|placeholder|secret|password|dummy|example|none|null|undefined)\\s*");

    private Placeholders() {
    }

    public static boolean isPlaceholder(String value) {
        return value == null || PLACEHOLDER.matcher(value).matches();
    }

    /**
     * Stops the start when any of {@code settings} (variable name to value) is a placeholder; {@code switchedOnBy} is the
     * variable that made the provider live, which unsetting returns to the sandbox.
     */
    public static void refuseIn(String provider, String switchedOnBy, SequencedMap<String, String> settings) {
        var placeholders = settings.entrySet().stream().filter(setting -> isPlaceholder(setting.getValue())).map(java.util.Map.Entry::getKey).toList();
        if (!placeholders.isEmpty()) {
            throw new IllegalStateException(String.join(", ", placeholders) + (placeholders.size() == 1 ? " looks" : " look")
                    + " like a placeholder, not a real value. " + switchedOnBy + " is set, so " + provider
                    + " is live and needs its real secrets: set them from the provider's dashboard, or unset " + switchedOnBy
                    + " to use the sandbox.");
        }
    }
}
