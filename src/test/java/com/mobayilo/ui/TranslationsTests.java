package com.mobayilo.ui;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** English and French stay complete and well formed, since every message goes through MessageFormat. */
class TranslationsTests {

    private final Properties english = load("translations.properties");

    private final Properties french = load("translations_fr.properties");

    @Test
    void everyEnglishTextHasAFrenchTranslationAndViceVersa() {
        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void everyTextIsAValidMessageFormatWithTheSameArguments() {
        for (var key : english.stringPropertyNames()) {
            var en = english.getProperty(key);
            var fr = french.getProperty(key);
            assertThatCode(() -> new MessageFormat(en, Locale.ENGLISH)).as(key).doesNotThrowAnyException();
            assertThatCode(() -> new MessageFormat(fr, Locale.FRENCH)).as(key).doesNotThrowAnyException();
            assertThat(new MessageFormat(fr).getFormats()).as(key).hasSameSizeAs(new MessageFormat(en).getFormats());
        }
    }

    @Test
    void apostrophesAreTypographicSoMessageFormatCannotEatThem() {
        english.forEach((key, value) -> assertThat((String) value).as("en " + key).doesNotContain("'"));
        french.forEach((key, value) -> assertThat((String) value).as("fr " + key).doesNotContain("'"));
    }

    private static Properties load(String name) {
        var properties = new Properties();
        try (var in = TranslationsTests.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return properties;
    }
}
