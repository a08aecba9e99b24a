package com.mobayilo.ui;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The English words a French page must not show, derived from the app's own bundles: each word of four letters
 * or more in an English text that differs from its French one, unless the French bundle uses the word too
 * ("minutes", "Date", "Total") or it is a name; plus the words of Vaadin's own English built-ins (date picker,
 * upload, grid). The method is in docs/decisions/0028-checking-accessibility-and-french.md.
 */
final class EnglishWords {

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /** Names and loanwords French readers see as they are. */
    private static final Set<String> ALLOWED = Set.of("mobayilo", "twilio", "stripe", "visa", "mastercard", "amex", "whatsapp", "gmail",
            "android", "iphone", "chrome", "safari", "firefox", "wifi", "kinshasa", "lubumbashi", "congo", "acme", "json", "https", "csv");

    /** Vaadin's English defaults, which no bundle of ours contains. */
    private static final Set<String> VAADIN_BUILT_INS = Set.of("january", "february", "march", "april", "june", "july", "august",
            "september", "october", "november", "december", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "today", "cancel", "drop", "files", "file", "upload", "items", "uploading", "remaining", "processing", "retry", "remove",
            "required", "loading", "selected", "clear", "open", "close", "week");

    private final Set<String> words;

    private EnglishWords(Set<String> words) {
        this.words = words;
    }

    static EnglishWords fromTranslations() {
        var english = load("vaadin-i18n/translations.properties");
        var french = load("vaadin-i18n/translations_fr.properties");
        var frenchWords = new TreeSet<String>();
        french.values().forEach(value -> frenchWords.addAll(wordsOf(textOf((String) value))));
        var found = new TreeSet<String>();
        for (var key : english.stringPropertyNames()) {
            var value = english.getProperty(key);
            if (value.equals(french.getProperty(key))) {
                continue;
            }
            wordsOf(textOf(value)).stream().filter(word -> word.length() >= 4).filter(word -> !frenchWords.contains(word))
                    .filter(word -> !ALLOWED.contains(word)).forEach(found::add);
        }
        VAADIN_BUILT_INS.stream().filter(word -> !frenchWords.contains(word)).forEach(found::add);
        return new EnglishWords(found);
    }

    /** The English words in {@code text}, each once, in alphabetical order. */
    Set<String> in(String text) {
        var found = new TreeSet<String>();
        wordsOf(text).stream().filter(words::contains).forEach(found::add);
        return found;
    }

    int size() {
        return words.size();
    }

    boolean contains(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }

    private static Set<String> wordsOf(String text) {
        var found = new TreeSet<String>();
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return found;
    }

    /** The text a person reads: arguments such as {0} or {1,number,integer} are not words of the message. */
    private static String textOf(String message) {
        var text = new StringBuilder();
        var depth = 0;
        for (var c : message.toCharArray()) {
            if (c == '{') {
                depth++;
            }
            else if (c == '}') {
                depth = Math.max(0, depth - 1);
            }
            else if (depth == 0) {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static Properties load(String resource) {
        try (var in = EnglishWords.class.getClassLoader().getResourceAsStream(resource)) {
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
