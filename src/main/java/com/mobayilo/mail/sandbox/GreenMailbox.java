package com.mobayilo.mail.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import com.mobayilo.mail.Mailbox;
import com.mobayilo.mail.ReceivedMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads the sandbox SMTP server's mail, newest first, keeping only the plain-text body. */
final class GreenMailbox implements Mailbox {

    private final GreenMail server;

    GreenMailbox(GreenMail server) {
        this.server = server;
    }

    @Override
    public List<ReceivedMail> messages() {
        return Arrays.stream(server.getReceivedMessages())
                .map(GreenMailbox::read)
                .sorted(Comparator.comparing(ReceivedMail::receivedAt).reversed())
                .toList();
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            var to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).findFirst().orElse("");
            var when = Optional.ofNullable(message.getReceivedDate()).or(() -> Optional.ofNullable(sentDate(message)))
                    .map(java.util.Date::toInstant).orElse(Instant.EPOCH);
            return new ReceivedMail(to, message.getSubject(), when, plainText(message).orElse(""));
        }
        catch (MessagingException | IOException ex) {
            return new ReceivedMail("?", "(unreadable message)", Instant.EPOCH, ex.getMessage());
        }
    }

    private static java.util.Date sentDate(MimeMessage message) {
        try {
            return message.getSentDate();
        }
        catch (MessagingException ex) {
            return null;
        }
    }

    private static Optional<String> plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return Optional.of((String) part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var text = plainText(multipart.getBodyPart(i));
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }
}
