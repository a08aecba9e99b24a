package com.mobayilo.mail.sandbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mobayilo.mail.Mailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With no SMTP server configured, mail goes to an in-process GreenMail server on a free loopback port, and
 * the sandbox mailbox page reads it back. With {@code spring.mail.host} set, Spring Boot's own mail sender
 * is used and none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class SandboxMail {

    private static final Logger log = LoggerFactory.getLogger(SandboxMail.class);

    @Bean(destroyMethod = "stop")
    GreenMail sandboxSmtpServer() {
        var server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        log.info("No SMTP server configured: mail is captured in-process on port {}", server.getSmtp().getPort());
        return server;
    }

    @Bean
    JavaMailSender sandboxMailSender(GreenMail server) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    @Bean
    Mailbox sandboxMailbox(GreenMail server) {
        return new GreenMailbox(server);
    }
}
