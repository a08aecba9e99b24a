package com.mobayilo.calls.ui;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import com.mobayilo.accounts.UserId;
import com.mobayilo.calls.CallRatingRefused;
import com.mobayilo.calls.CallRatings;
import com.mobayilo.calls.RatingIssue;
import com.mobayilo.ui.AppIcon;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/**
 * After a call that connected: 1 to 5 stars and what went wrong, or skip (docs/decisions/0026-call-quality.md). The
 * rating is stored with the call and, in live mode, sent to Twilio's Voice Insights from the browser.
 */
class CallRatingForm extends Div {

    private final CallRatings ratings;

    private final UserId caller;

    private final PhoneDevice phone;

    private final List<Button> stars = new ArrayList<>();

    private final CheckboxGroup<RatingIssue> issues = new CheckboxGroup<>();

    private final Paragraph message = new Paragraph();

    private final Button send = new Button();

    private final Div form = new Div();

    private String callSid;

    private int score;

    CallRatingForm(CallRatings ratings, UserId caller, PhoneDevice phone) {
        this.ratings = ratings;
        this.caller = caller;
        this.phone = phone;
        setId("call-rating");
        addClassName("call-rating");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-labelledby", "call-rating-title");
        var title = new H2(getTranslation("callrating.title"));
        title.setId("call-rating-title");
        var row = new Div();
        row.addClassName("call-rating-stars");
        row.getElement().setAttribute("role", "group");
        row.getElement().setAttribute("aria-label", getTranslation("callrating.stars"));
        for (var value = 1; value <= 5; value++) {
            var chosen = value;
            var star = new Button(AppIcon.STAR_O.create(), event -> choose(chosen));
            star.getElement().setAttribute("aria-label", getTranslation("callrating.star", chosen));
            star.getElement().setAttribute("aria-pressed", "false");
            star.addThemeVariants(ButtonVariant.TERTIARY);
            stars.add(star);
            row.add(star);
        }
        issues.setLabel(getTranslation("callrating.issues"));
        issues.setItems(EnumSet.allOf(RatingIssue.class));
        issues.setItemLabelGenerator(issue -> getTranslation("callrating.issue." + issue.stored()));
        issues.setId("call-rating-issues");
        send.setText(getTranslation("callrating.send"));
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.setEnabled(false);
        send.addClickListener(event -> send());
        var skip = new Button(getTranslation("callrating.skip"), event -> close());
        skip.addThemeVariants(ButtonVariant.TERTIARY);
        var actions = new Div(send, skip);
        actions.addClassName("call-rating-actions");
        message.getElement().setAttribute("role", "status");
        message.setId("call-rating-done");
        form.add(title, row, issues, actions);
        add(form, message);
        setVisible(false);
    }

    /** The device says call {@code sid} ended: ask about it if it connected and is not rated yet. */
    void offer(String sid) {
        if (sid == null || !Boolean.TRUE.equals(ratings.rateable(caller, sid).block(UiWait.LIMIT))) {
            return;
        }
        callSid = sid;
        choose(0);
        issues.clear();
        message.setText("");
        form.setVisible(true);
        setVisible(true);
    }

    /** A new call starts: an earlier question is no longer asked. */
    void close() {
        callSid = null;
        setVisible(false);
    }

    private void choose(int value) {
        score = value;
        for (var i = 0; i < stars.size(); i++) {
            var on = i < value;
            stars.get(i).setIcon(on ? AppIcon.STAR.create() : AppIcon.STAR_O.create());
            stars.get(i).getElement().setAttribute("aria-pressed", Boolean.toString(i == value - 1));
        }
        send.setEnabled(value > 0);
    }

    private void send() {
        if (callSid == null || score == 0) {
            return;
        }
        var chosen = issues.getValue().isEmpty() ? EnumSet.noneOf(RatingIssue.class) : EnumSet.copyOf(issues.getValue());
        try {
            ratings.rate(caller, callSid, score, chosen).block(UiWait.LIMIT);
            // Twilio takes one issue per call: the first the caller ticked.
            phone.rate(score, chosen.stream().findFirst().map(RatingIssue::stored).orElse(""));
            message.setText(getTranslation("callrating.thanks"));
        }
        catch (CallRatingRefused refused) {
            message.setText(getTranslation(refused.messageKey()));
        }
        callSid = null;
        form.setVisible(false);
    }
}
