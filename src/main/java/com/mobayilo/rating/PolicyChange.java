package com.mobayilo.rating;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator (or the sandbox) changed in the deck, the blocked list or the limits, written so each operator
 * reads it in their own language: a translation key and its arguments (text or whole numbers), with the English
 * text kept beside them for whoever reads the table directly, as wallet memos do
 * (docs/decisions/0024-taking-back-payments-and-memo-keys.md). It is stored as one JSON object in the audit's
 * {@code change} column, so no migration was needed; a row from before, plain text, is shown as written.
 */
public record PolicyChange(String key, List<Object> args, String text) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public PolicyChange {
        args = args == null ? List.of() : List.copyOf(args);
        text = text == null ? "" : text.strip();
    }

    /** The translation {@code key} with {@code args}, each text or a whole number, and its {@code english} text. */
    static PolicyChange of(String english, String key, Object... args) {
        for (var arg : args) {
            if (!(arg instanceof String || arg instanceof Long || arg instanceof Integer)) {
                throw new IllegalArgumentException("A change's argument is text or a whole number, not " + arg);
            }
        }
        return new PolicyChange(key, Arrays.asList(args), english);
    }

    /** How translations are looked up: a key, the reader's language and the arguments. */
    @FunctionalInterface
    public interface Translations {
        String translate(String key, Locale locale, Object... args);
    }

    /** The change in {@code locale}; the stored text when it has no key, or a key the translations do not know. */
    public String in(Locale locale, Translations translations) {
        if (key == null) {
            return text;
        }
        var rendered = translations.translate(key, locale, args.toArray());
        return rendered == null || rendered.equals(key) ? text : rendered;
    }

    String stored() {
        var json = JSON.createObjectNode().put("key", key).put("text", text);
        var array = json.putArray("args");
        for (var arg : args) {
            if (arg instanceof Number number) {
                array.add(number.longValue());
            }
            else {
                array.add(arg.toString());
            }
        }
        return json.toString();
    }

    /** A change as the audit stored it: the JSON {@link #stored()} wrote, or plain text from before. */
    static PolicyChange stored(String column) {
        if (column == null || !column.startsWith("{")) {
            return new PolicyChange(null, List.of(), column);
        }
        try {
            var json = JSON.readTree(column);
            var args = new ArrayList<Object>();
            for (JsonNode arg : json.path("args")) {
                args.add(arg.isNumber() ? (Object) arg.asLong() : arg.asString());
            }
            return new PolicyChange(json.path("key").asString(null), args, json.path("text").asString(""));
        }
        catch (JacksonException notJson) {
            return new PolicyChange(null, List.of(), column);
        }
    }
}
