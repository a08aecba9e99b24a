package com.mobayilo.wallet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.mobayilo.shared.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Why money moved or is held, written so each reader sees it in their own language: a translation key and its
 * arguments (text, whole numbers, {@link Money}), rendered when read (docs/decisions/0024-taking-back-payments-and-memo-keys.md).
 * A memo without a key is text shown as written: an operator's reason, or a row from before memos had keys.
 */
public record Memo(String key, List<Object> args, String text) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Memo {
        args = args == null ? List.of() : List.copyOf(args);
        text = text == null ? "" : text.strip();
    }

    /** Text shown as written, in every language. */
    public static Memo text(String text) {
        return new Memo(null, List.of(), text);
    }

    /** The translation {@code key} with {@code args}: each a {@link String}, a whole number or {@link Money}. */
    public static Memo of(String key, Object... args) {
        for (var arg : args) {
            if (!(arg instanceof String || arg instanceof Long || arg instanceof Integer || arg instanceof Money)) {
                throw new IllegalArgumentException("A memo argument is text, a whole number or money, not " + arg);
            }
        }
        return new Memo(key, Arrays.asList(args), null);
    }

    /** How translations are looked up: a key, the reader's language and the arguments. */
    @FunctionalInterface
    public interface Translations {
        String translate(String key, Locale locale, Object... args);
    }

    /** The memo in {@code locale}; the stored text when it has no key, or a key the translations do not know. */
    public String in(Locale locale, Translations translations) {
        if (key == null) {
            return text;
        }
        var rendered = translations.translate(key, locale, args.stream().map(arg -> arg instanceof Money money ? money.format(locale) : arg).toArray());
        return rendered == null || rendered.equals(key) ? (text.isEmpty() ? key : text) : rendered;
    }

    /** The arguments as stored (a JSON array; money as {@code {"cents": n}}), or null without a key. */
    String argsJson() {
        if (key == null) {
            return null;
        }
        var array = JSON.createArrayNode();
        for (var arg : args) {
            switch (arg) {
                case Money money -> array.addObject().put("cents", money.cents());
                case Number number -> array.add(number.longValue());
                default -> array.add(arg.toString());
            }
        }
        return array.toString();
    }

    /** A memo as stored: {@code key} null for text, else its arguments as written by {@link #argsJson()}. */
    static Memo stored(String text, String key, String argsJson) {
        if (key == null) {
            return text(text);
        }
        var args = new ArrayList<Object>();
        if (argsJson != null && JSON.readTree(argsJson) instanceof ArrayNode array) {
            for (JsonNode arg : array) {
                args.add(arg.isObject() ? Money.cents(arg.path("cents").asLong()) : arg.isNumber() ? (Object) arg.asLong() : arg.asString());
            }
        }
        return new Memo(key, args, text);
    }

    /** The same memo, with {@code english} as the text kept beside its key for whoever reads the table directly. */
    Memo withText(String english) {
        return new Memo(key, args, english);
    }
}
