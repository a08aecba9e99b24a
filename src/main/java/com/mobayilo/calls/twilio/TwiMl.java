package com.mobayilo.calls.twilio;

import java.util.List;
import java.util.Locale;

import com.mobayilo.calls.VoiceAnswer;
import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Say;

import org.springframework.context.MessageSource;

/**
 * The TwiML Mobayilo answers with. A cleared call is a {@code Dial} limited to the seconds its hold pays for,
 * reporting every step of the dialled leg and its end to the status webhook; a refused call is spoken to, in
 * the caller's language, and hung up on.
 */
public final class TwiMl {

    public static final String STATUS_PATH = "/webhooks/twilio/status";

    private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private TwiMl() {
    }

    public static String answer(VoiceAnswer answer, String publicUrl, MessageSource messages) {
        var response = switch (answer) {
            case VoiceAnswer.Connect connect -> connect(connect, publicUrl);
            case VoiceAnswer.Refuse refuse -> refuse(refuse, messages);
        };
        try {
            return response.toXml();
        }
        catch (TwiMLException ex) {
            throw new IllegalStateException("TwiML could not be written", ex);
        }
    }

    /** What status callbacks and the Dial action are answered with: nothing more to do. */
    public static String empty() {
        return EMPTY;
    }

    private static VoiceResponse connect(VoiceAnswer.Connect connect, String publicUrl) {
        var call = connect.call();
        var number = new Number.Builder(call.destination())
                .statusCallback(publicUrl + STATUS_PATH)
                .statusCallbackMethod(HttpMethod.POST)
                .statusCallbackEvents(List.of(Number.Event.INITIATED, Number.Event.RINGING, Number.Event.ANSWERED, Number.Event.COMPLETED))
                .build();
        var dial = new Dial.Builder()
                .callerId(connect.callerId())
                .timeLimit(call.timeLimitSeconds())
                // the caller's leg is answered only when the callee answers, so the browser hears real ringing
                .answerOnBridge(true)
                .action(publicUrl + STATUS_PATH)
                .method(HttpMethod.POST)
                .number(number)
                .build();
        return new VoiceResponse.Builder().dial(dial).build();
    }

    private static VoiceResponse refuse(VoiceAnswer.Refuse refuse, MessageSource messages) {
        var locale = refuse.locale() == null ? Locale.ENGLISH : refuse.locale();
        var text = messages.getMessage(refuse.refusal().messageKey(), refuse.arguments(), locale);
        var language = "fr".equals(locale.getLanguage()) ? Say.Language.FR_FR : Say.Language.EN_US;
        return new VoiceResponse.Builder()
                .say(new Say.Builder(text).language(language).build())
                .hangup(new Hangup.Builder().build())
                .build();
    }
}
