package com.mobayilo.payments;

import com.mobayilo.accounts.Users;
import com.mobayilo.mail.Mail;
import com.mobayilo.mail.Mailer;
import com.mobayilo.jobs.JobHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Tells the payer by email that auto-recharge stopped because their bank refused a charge, and what to do. */
@Component
class AutoRechargeFailedMail implements JobHandler {

    private final TopUps topUps;

    private final Users users;

    private final Mailer mailer;

    private final MessageSource messages;

    private final String walletUrl;

    AutoRechargeFailedMail(TopUps topUps, Users users, Mailer mailer, MessageSource messages, @Value("${mobayilo.ui-url}") String uiUrl) {
        this.topUps = topUps;
        this.users = users;
        this.mailer = mailer;
        this.messages = messages;
        this.walletUrl = uiUrl.replaceAll("/+$", "") + "/wallet";
    }

    @Override
    public String type() {
        return AutoRechargeStops.MAIL_JOB;
    }

    @Override
    public Mono<Void> handle(JsonNode payload) {
        var code = payload.path("code").asString();
        return topUps.find(TopUpId.parse(payload.path("topUp").asString()))
                .flatMap(topUp -> users.findById(topUp.payer()).map(payer -> {
                    var locale = payer.locale();
                    var greeting = messages.getMessage("mail.greeting", new Object[] { payer.fullName() }, locale);
                    var body = messages.getMessage("autorecharge.mail.body", new Object[] { topUp.amount().format(locale), code }, locale);
                    var action = messages.getMessage("autorecharge.mail.action", null, locale);
                    var signature = messages.getMessage("mail.signature", null, locale);
                    var text = String.join("\n\n", greeting, body, action + ":\n" + walletUrl, signature);
                    var html = "<p>%s</p><p>%s</p><p><a href=\"%s\">%s</a></p><p>%s</p>".formatted(HtmlUtils.htmlEscape(greeting),
                            HtmlUtils.htmlEscape(body), HtmlUtils.htmlEscape(walletUrl), HtmlUtils.htmlEscape(action), HtmlUtils.htmlEscape(signature));
                    return new Mail(payer.email().value(), messages.getMessage("autorecharge.mail.subject", null, locale), text, html);
                }))
                .flatMap(mailer::send);
    }
}
