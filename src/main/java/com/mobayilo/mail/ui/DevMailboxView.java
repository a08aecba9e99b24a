package com.mobayilo.mail.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.regex.Pattern;

import com.mobayilo.mail.Mailbox;
import com.mobayilo.mail.ReceivedMail;
import com.mobayilo.sandbox.SandboxMode;
import com.mobayilo.ui.PublicPage;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Sandbox only: the mail the app sent (verification, reset, sign-in links, receipts), newest first, with
 * links clickable. In live mode the page does not exist.
 */
@Route(value = "dev/mailbox", autoLayout = false)
@AnonymousAllowed
class DevMailboxView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final SandboxMode sandbox;

    private final ObjectProvider<Mailbox> mailbox;

    private final Div list = new Div();

    private Registration polling;

    DevMailboxView(SandboxMode sandbox, ObjectProvider<Mailbox> mailbox) {
        super(sandbox);
        this.sandbox = sandbox;
        this.mailbox = mailbox;
        addClassName("mailbox-page");
        list.addClassName("mailbox");
        var refresh = new Button(getTranslation("mailbox.refresh"), event -> refresh());
        card().add(new H1(getTranslation("mailbox.title")), new Paragraph(getTranslation("mailbox.intro")), refresh, list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!sandbox.isFullSandbox() || mailbox.getIfAvailable() == null) {
            throw new NotFoundException();
        }
        refresh();
    }

    // A developer page for a process-local SMTP server: polling is simpler than push here and costs nothing.
    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(2000);
        polling = event.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    private void refresh() {
        var messages = mailbox.getObject().messages();
        list.removeAll();
        if (messages.isEmpty()) {
            list.add(new Paragraph(getTranslation("mailbox.empty")));
        }
        messages.forEach(message -> list.add(render(message)));
    }

    private Article render(ReceivedMail mail) {
        var when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale()).withZone(ZoneId.systemDefault())
                .format(mail.receivedAt());
        var meta = new Paragraph(new Span(getTranslation("mailbox.to", mail.to())), new Span(" · " + when));
        meta.addClassName("mail-meta");
        var body = new Pre();
        var text = mail.text();
        var matcher = LINK.matcher(text);
        var last = 0;
        while (matcher.find()) {
            body.add(new Span(text.substring(last, matcher.start())));
            body.add(new Anchor(matcher.group(), matcher.group()));
            last = matcher.end();
        }
        body.add(new Span(text.substring(last)));
        var article = new Article(new H2(mail.subject()), meta, body);
        article.addClassName("mail");
        return article;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mailbox.page.title");
    }
}
