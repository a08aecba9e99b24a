package com.mobayilo.mail;

import com.mobayilo.jobs.JobHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Delivers one queued mail over SMTP. JavaMail blocks, so delivery runs off the event loop. */
@Component
class SendMailJob implements JobHandler {

    private final JavaMailSender sender;

    private final JsonMapper json;

    private final String from;

    SendMailJob(JavaMailSender sender, JsonMapper json, @Value("${mobayilo.mail.from:Mobayilo <no-reply@mobayilo.test>}") String from) {
        this.sender = sender;
        this.json = json;
        this.from = from;
    }

    @Override
    public String type() {
        return Mailer.JOB_TYPE;
    }

    @Override
    public Mono<Void> handle(JsonNode payload) {
        var mail = json.treeToValue(payload, Mail.class);
        return Mono.fromRunnable(() -> sender.send(message(mail))).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private MimeMessage message(Mail mail) {
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, mail.html() != null, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            if (mail.html() != null) {
                helper.setText(mail.text(), mail.html());
            }
            else {
                helper.setText(mail.text());
            }
            return message;
        }
        catch (MessagingException ex) {
            throw new IllegalArgumentException("Could not build the mail to " + mail.to(), ex);
        }
    }
}
