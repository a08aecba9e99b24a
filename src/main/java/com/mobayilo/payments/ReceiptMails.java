package com.mobayilo.payments;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.stream.Collectors;

import com.mobayilo.mail.Mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The receipt as a mail, in the language the top-up was bought in, with the link to its printable page. */
@Component
class ReceiptMails {

    private final MessageSource messages;

    private final String uiUrl;

    ReceiptMails(MessageSource messages, @Value("${mobayilo.ui-url}") String uiUrl) {
        this.messages = messages;
        this.uiUrl = uiUrl.replaceAll("/+$", "");
    }

    Mail receipt(Receipt receipt) {
        var locale = receipt.language();
        var link = uiUrl + "/" + Receipts.PAGE + "/" + receipt.topUp();
        var lines = lines(receipt, locale);
        var greeting = text(locale, "mail.greeting", receipt.payerName());
        // an auto-recharge's receipt is also its notice: the person was not there when the card was charged
        var intro = text(locale, receipt.autoRecharge() ? "topup.mail.intro.auto" : "topup.mail.intro");
        var action = text(locale, "topup.mail.action");
        var plain = String.join("\n\n", greeting, intro,
                lines.entrySet().stream().map(line -> line.getKey() + ": " + line.getValue()).collect(Collectors.joining("\n")),
                action + ":\n" + link, text(locale, "mail.signature"));
        var rows = lines.entrySet().stream()
                .map(line -> "<tr><td style=\"color:#555;padding:4px 16px 4px 0\">%s</td><td style=\"padding:4px 0\"><strong>%s</strong></td></tr>"
                        .formatted(HtmlUtils.htmlEscape(line.getKey()), HtmlUtils.htmlEscape(line.getValue())))
                .collect(Collectors.joining());
        var html = """
                <p>%s</p><p>%s</p><table style="border-collapse:collapse">%s</table>
                <p><a href="%s" style="background:#1a56db;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">%s</a></p><p>%s</p>"""
                .formatted(HtmlUtils.htmlEscape(greeting), HtmlUtils.htmlEscape(intro), rows, HtmlUtils.htmlEscape(link), HtmlUtils.htmlEscape(action),
                        HtmlUtils.htmlEscape(text(locale, "mail.signature")));
        return new Mail(receipt.payerEmail(), text(locale, "topup.mail.subject", receipt.number()), plain, html);
    }

    /** The receipt's lines; a mail has no time zone to go by, so its time is in UTC and says so. */
    private LinkedHashMap<String, String> lines(Receipt receipt, Locale locale) {
        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(ZoneOffset.UTC);
        var lines = new LinkedHashMap<String, String>();
        lines.put(text(locale, "topup.receipt.number"), receipt.number());
        lines.put(text(locale, "topup.receipt.date"), time.format(receipt.paidAt()) + " UTC");
        lines.put(text(locale, "topup.receipt.amount"), receipt.amount().format(locale));
        lines.put(text(locale, "topup.receipt.credits"), text(locale, "wallet.credits", receipt.credits()));
        lines.put(text(locale, "topup.receipt.method"), receipt.card().map(card -> text(locale, "topup.receipt.card", receipt.cardBrand().orElseThrow(),
                card.last4())).orElseGet(() -> text(locale, "topup.receipt.card.unknown")));
        lines.put(text(locale, "topup.receipt.reference"), receipt.reference());
        return lines;
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
