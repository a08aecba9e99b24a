package com.mobayilo.accounts;

import java.util.Locale;

import com.mobayilo.mail.Mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The mails about accounts, in the recipient's language, each carrying one link back into the app. Other features
 * (companies: invitations, sign-in links) send theirs through {@link #linkMail}.
 */
@Component
public class AccountMails {

    private final MessageSource messages;

    private final String uiUrl;

    AccountMails(MessageSource messages, @Value("${mobayilo.ui-url}") String uiUrl) {
        this.messages = messages;
        this.uiUrl = uiUrl;
    }

    Mail verification(User user, String token) {
        return compose(user, "mail.verify", link("verify-email", token));
    }

    Mail passwordReset(User user, String token) {
        return compose(user, "mail.reset", link("reset-password", token));
    }

    /**
     * A mail of {@code kind} (its texts are {@code <kind>.subject}, {@code .intro}, {@code .action}, {@code .footer})
     * whose button opens {@code path?token=…}; {@code introArguments} fill the intro's placeholders.
     */
    public Mail linkMail(User user, String kind, String path, String token, Object... introArguments) {
        return compose(user, kind, link(path, token), introArguments);
    }

    private String link(String path, String token) {
        return UriComponentsBuilder.fromUriString(uiUrl).path("/" + path).queryParam("token", token).build().toUriString();
    }

    private Mail compose(User user, String kind, String link, Object... introArguments) {
        var locale = user.locale();
        var greeting = text("mail.greeting", locale, user.fullName());
        var intro = text(kind + ".intro", locale, introArguments);
        var action = text(kind + ".action", locale);
        var footer = text(kind + ".footer", locale);
        var plain = String.join("\n\n", greeting, intro, action + ":\n" + link, footer, text("mail.signature", locale));
        var html = """
                <p>%s</p><p>%s</p>
                <p><a href="%s" style="background:#1a56db;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">%s</a></p>
                <p style="color:#555">%s</p><p>%s</p>""".formatted(
                HtmlUtils.htmlEscape(greeting), HtmlUtils.htmlEscape(intro), HtmlUtils.htmlEscape(link), HtmlUtils.htmlEscape(action),
                HtmlUtils.htmlEscape(footer), HtmlUtils.htmlEscape(text("mail.signature", locale)));
        return new Mail(user.email().value(), text(kind + ".subject", locale, introArguments), plain, html);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
