package com.mobayilo.calls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** TwiML as Twilio reads it: parsed XML, with the verbs a test looks at. */
record TwimlDocument(Document document) {

    static TwimlDocument parse(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            if (!"Response".equals(document.getDocumentElement().getTagName())) {
                throw new AssertionError("TwiML must have a Response root: " + xml);
            }
            return new TwimlDocument(document);
        }
        catch (Exception ex) {
            throw new AssertionError("Not TwiML: " + xml, ex);
        }
    }

    /** The verbs of the response, in order. */
    List<String> verbs() {
        return children(document.getDocumentElement());
    }

    /** The names of {@code element}'s child elements, in order. */
    static List<String> children(Element element) {
        var names = new ArrayList<String>();
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                names.add(child.getTagName());
            }
        }
        return names;
    }

    Element dial() {
        return first("Dial");
    }

    Element number() {
        return first("Number");
    }

    String say() {
        var say = first("Say");
        return say == null ? null : say.getTextContent();
    }

    String sayLanguage() {
        var say = first("Say");
        return say == null ? null : say.getAttribute("language");
    }

    boolean hasHangup() {
        return first("Hangup") != null;
    }

    private Element first(String tag) {
        var nodes = document.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }
}
