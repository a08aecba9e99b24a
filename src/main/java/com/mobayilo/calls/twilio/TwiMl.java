package com.mobayilo.calls.twilio;

import java.io.StringWriter;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.mobayilo.calls.VoiceAnswer;

import org.springframework.context.MessageSource;

/**
 * The TwiML Mobayilo answers with. A cleared call is a {@code Dial} limited to the seconds its hold pays for,
 * reporting every step of the dialled leg and its end to the status webhook; a refused one is spoken to, in
 * the caller's language, and hung up on.
 *
 * <p>Written with the JDK's StAX writer rather than the SDK's {@code VoiceResponse.toXml()}: that looks up new
 * JAXP DOM and transformer factories on every call, scanning the classpath, which cost more CPU than anything
 * else in the voice webhook (VoiceWebhookBenchmark, docs/benchmarks.md).
 */
public final class TwiMl {

    public static final String STATUS_PATH = "/webhooks/twilio/status";

    private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private TwiMl() {
    }

    public static String answer(VoiceAnswer answer, String publicUrl, MessageSource messages) {
        try {
            var text = new StringWriter(512);
            var xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Response");
            switch (answer) {
                case VoiceAnswer.Connect connect -> connect(xml, connect, publicUrl);
                case VoiceAnswer.Refuse refuse -> refuse(xml, refuse, messages);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return text.toString();
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException("TwiML could not be written", ex);
        }
    }

    /** What status callbacks and the Dial action are answered with: nothing more to do. */
    public static String empty() {
        return EMPTY;
    }

    private static void connect(XMLStreamWriter xml, VoiceAnswer.Connect connect, String publicUrl) throws XMLStreamException {
        var call = connect.call();
        xml.writeStartElement("Dial");
        xml.writeAttribute("callerId", xmlText(connect.callerId()));
        xml.writeAttribute("timeLimit", Integer.toString(call.timeLimitSeconds()));
        // the caller's leg is answered only when the callee answers, so the browser hears real ringing
        xml.writeAttribute("answerOnBridge", "true");
        xml.writeAttribute("action", xmlText(publicUrl + STATUS_PATH));
        xml.writeAttribute("method", "POST");
        xml.writeStartElement("Number");
        xml.writeAttribute("statusCallback", xmlText(publicUrl + STATUS_PATH));
        xml.writeAttribute("statusCallbackMethod", "POST");
        xml.writeAttribute("statusCallbackEvent", "initiated ringing answered completed");
        xml.writeCharacters(xmlText(call.destination()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void refuse(XMLStreamWriter xml, VoiceAnswer.Refuse refuse, MessageSource messages) throws XMLStreamException {
        var locale = refuse.locale() == null ? Locale.ENGLISH : refuse.locale();
        xml.writeStartElement("Say");
        xml.writeAttribute("language", "fr".equals(locale.getLanguage()) ? "fr-FR" : "en-US");
        xml.writeCharacters(xmlText(messages.getMessage(refuse.refusal().messageKey(), refuse.arguments(), locale)));
        xml.writeEndElement();
        xml.writeEmptyElement("Hangup");
    }

    /**
     * The StAX writer escapes markup but writes control characters and lone surrogates as they are, which no XML
     * parser (Twilio's included) accepts; they are dropped, so the answer always parses (TwimlFuzzTests).
     */
    static String xmlText(String text) {
        if (text == null) {
            return "";
        }
        if (text.codePoints().allMatch(TwiMl::allowedInXml)) {
            return text;
        }
        var kept = new StringBuilder(text.length());
        text.codePoints().filter(TwiMl::allowedInXml).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
    }
}
