package com.mobayilo.calls;

import java.util.Locale;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.mobayilo.calls.twilio.TwiMl;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever text ends up in an answer (a typed number, a caller ID, the public URL, a translated refusal), the
 * TwiML parses as XML with exactly the verbs of its decision, and the text stays text: no element or attribute
 * can be injected through it.
 */
class TwimlFuzzTests {

    @FuzzTest(maxDuration = "15s")
    void anyTextInAnAnswerStaysTextInWellFormedTwiml(FuzzedDataProvider data) {
        var publicUrl = data.consumeString(60);
        var callerId = data.consumeString(40);
        var locale = Locale.forLanguageTag(data.consumeString(12));
        var refusal = data.pickValue(Refusal.values());
        var connect = data.consumeBoolean();
        var text = data.consumeRemainingAsString();

        if (connect) {
            var twiml = TwimlDocument.parse(TwiMl.answer(new VoiceAnswer.Connect(dialling(text), callerId), publicUrl, new Saying(text)));
            assertThat(twiml.verbs()).containsExactly("Dial");
            assertThat(TwimlDocument.children(twiml.dial())).containsExactly("Number");
            assertThat(TwimlDocument.children(twiml.number())).isEmpty();
            assertThat(squeezed(twiml.number().getTextContent())).isEqualTo(asXmlText(text));
            assertThat(squeezed(twiml.dial().getAttribute("callerId"))).isEqualTo(asXmlText(callerId));
            assertThat(squeezed(twiml.dial().getAttribute("action"))).isEqualTo(asXmlText(publicUrl + TwiMl.STATUS_PATH));
        }
        else {
            var twiml = TwimlDocument.parse(TwiMl.answer(new VoiceAnswer.Refuse(refusal, locale), publicUrl, new Saying(text)));
            assertThat(twiml.verbs()).containsExactly("Say", "Hangup");
            assertThat(squeezed(twiml.say())).isEqualTo(asXmlText(text));
            assertThat(twiml.sayLanguage()).isIn("en-US", "fr-FR");
        }
    }

    /** A cleared call whose destination is {@code text}, as if it had come that way from the database. */
    private static Call dialling(String text) {
        var call = Telephony.connecting(3);
        return new Call(call.id(), call.callSid(), call.caller(), call.wallet(), text, call.country(), call.numberType(), call.description(),
                call.rate(), call.status(), call.refusal(), call.heldMinutes(), call.hold(), call.callerNumber(), call.createdAt(), null, null,
                null, null, null, null);
    }

    /** What survives into XML: the characters XML 1.0 allows, with whitespace compared loosely (parsers normalise it). */
    private static String asXmlText(String text) {
        var kept = new StringBuilder();
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000)
                .forEach(kept::appendCodePoint);
        return squeezed(kept.toString());
    }

    private static String squeezed(String text) {
        return text.replaceAll("[\\t\\n\\r ]+", " ");
    }

    /** Translations that say {@code text} whatever is asked: any refusal, in any words. */
    private record Saying(String text) implements MessageSource {

        @Override
        public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
            return text;
        }

        @Override
        public String getMessage(String code, Object[] args, Locale locale) {
            return text;
        }

        @Override
        public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
            return text;
        }
    }
}
