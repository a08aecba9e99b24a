package com.mobayilo.calls;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

import com.mobayilo.calls.twilio.TwiMl;
import com.mobayilo.testing.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The TwiML of every decision of the voice webhook, read back with an XML parser as Twilio reads it. */
class TwiMlTests {

    private static final String PUBLIC_URL = "https://calls.mobayilo.example";

    private static final MessageSource MESSAGES = messages();

    @Test
    void aClearedCallDialsItsNumberForTheSecondsItsHoldPaysFor() {
        var call = Telephony.connecting(7);
        var twiml = TwimlDocument.parse(TwiMl.answer(new VoiceAnswer.Connect(call, "+15005550006"), PUBLIC_URL, MESSAGES));
        assertThat(twiml.verbs()).containsExactly("Dial");
        var dial = twiml.dial();
        assertThat(dial.getAttribute("callerId")).isEqualTo("+15005550006");
        assertThat(dial.getAttribute("timeLimit")).isEqualTo("420");
        assertThat(dial.getAttribute("answerOnBridge")).isEqualTo("true");
        assertThat(dial.getAttribute("action")).isEqualTo(PUBLIC_URL + "/webhooks/twilio/status");
        assertThat(dial.getAttribute("method")).isEqualTo("POST");
        assertThat(TwimlDocument.children(dial)).containsExactly("Number");
        var number = twiml.number();
        assertThat(number.getTextContent()).isEqualTo("+243812345678");
        assertThat(number.getAttribute("statusCallback")).isEqualTo(PUBLIC_URL + "/webhooks/twilio/status");
        assertThat(number.getAttribute("statusCallbackMethod")).isEqualTo("POST");
        assertThat(number.getAttribute("statusCallbackEvent")).isEqualTo("initiated ringing answered completed");
    }

    @Test
    void controlCharactersInAnAnswerAreDroppedSoItStillParses() {
        var call = Telephony.connecting(1);
        var twiml = TwimlDocument.parse(TwiMl.answer(new VoiceAnswer.Connect(call, "+1500\u0000555\u001b0006\ud800"), PUBLIC_URL, MESSAGES));
        assertThat(twiml.dial().getAttribute("callerId")).isEqualTo("+15005550006");
    }

    static Stream<Arguments> refusalsInEachLanguage() {
        return Arrays.stream(Refusal.values()).flatMap(refusal -> Stream.of(arguments(refusal, "en", "en-US"), arguments(refusal, "fr", "fr-FR")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("refusalsInEachLanguage")
    void everyRefusalIsSpokenInTheCallersLanguageThenHungUp(Refusal refusal, String language, String sayLanguage) {
        var twiml = refusal(refusal, Locale.forLanguageTag(language));
        assertThat(twiml.verbs()).containsExactly("Say", "Hangup");
        assertThat(twiml.sayLanguage()).isEqualTo(sayLanguage);
        assertThat(twiml.say()).isNotBlank().doesNotContain("{").isEqualTo(Texts.of(language).t(refusal.messageKey()));
        if (language.equals("fr")) {
            assertThat(twiml.say()).isNotEqualTo(Texts.of("en").t(refusal.messageKey()));
        }
    }

    @Test
    void aRegionalFrenchIsSpokenInFrenchAndAnUntranslatedLanguageInEnglish() {
        var congolese = refusal(Refusal.NO_RATE, Locale.forLanguageTag("fr-CD"));
        assertThat(congolese.sayLanguage()).isEqualTo("fr-FR");
        assertThat(congolese.say()).isEqualTo(Texts.of("fr").t("call.refused.NO_RATE"));
        var german = refusal(Refusal.NO_RATE, Locale.GERMAN);
        assertThat(german.sayLanguage()).isEqualTo("en-US");
        assertThat(german.say()).isEqualTo(Texts.of("en").t("call.refused.NO_RATE"));
    }

    private static TwimlDocument refusal(Refusal refusal, Locale locale) {
        return TwimlDocument.parse(TwiMl.answer(new VoiceAnswer.Refuse(refusal, locale), PUBLIC_URL, MESSAGES));
    }

    /** The translations as the app configures them (application.properties: spring.messages.*). */
    private static MessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("vaadin-i18n/translations");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }
}
