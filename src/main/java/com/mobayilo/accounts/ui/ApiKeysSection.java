package com.mobayilo.accounts.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;

import com.mobayilo.accounts.AccountRefusal;
import com.mobayilo.accounts.ApiKey;
import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.NewApiKey;
import com.mobayilo.accounts.UserId;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/** Personal API keys under Settings: create (shown once), list with prefix and last use, revoke. */
class ApiKeysSection extends Section {

    private final ApiKeys keys;

    private final UserId user;

    private final Grid<ApiKey> grid = new Grid<>();

    private final DateTimeFormatter time;

    ApiKeysSection(ApiKeys keys, UserId user, ZoneId zone) {
        this.keys = keys;
        this.user = user;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale()).withZone(zone);
        addClassName("settings-section");
        var name = new TextField(getTranslation("apikeys.name"));
        name.setHelperText(getTranslation("apikeys.name.helper"));
        name.setMaxLength(60);
        var create = new Button(getTranslation("apikeys.create"), event -> create(name));
        var row = new HorizontalLayout(name, create);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        grid.addColumn(ApiKey::name).setHeader(getTranslation("apikeys.name")).setAutoWidth(true);
        grid.addColumn(key -> "mby_" + key.prefix() + "_…").setHeader(getTranslation("apikeys.prefix")).setAutoWidth(true);
        grid.addColumn(key -> time.format(key.createdAt())).setHeader(getTranslation("apikeys.created")).setAutoWidth(true);
        grid.addColumn(key -> key.lastUsedAt() == null ? getTranslation("apikeys.never") : time.format(key.lastUsedAt()))
                .setHeader(getTranslation("apikeys.lastused")).setAutoWidth(true);
        grid.addComponentColumn(this::action).setHeader(getTranslation("apikeys.status")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("apikeys.title"));
        grid.setEmptyStateText(getTranslation("apikeys.none"));
        add(new H2(getTranslation("apikeys.title")), new Paragraph(getTranslation("apikeys.intro")), row, grid);
        refresh();
    }

    private void create(TextField name) {
        try {
            var created = keys.create(user, name.getValue()).block(UiWait.LIMIT);
            name.clear();
            refresh();
            showOnce(created);
        }
        catch (AccountRefusal refusal) {
            if (!Fields.showOnField(refusal, Map.of("name", name), this)) {
                throw refusal;
            }
        }
    }

    private void showOnce(NewApiKey created) {
        var secret = new TextField(getTranslation("apikeys.secret"));
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setId("new-api-key");
        var copy = new Button(getTranslation("apikeys.copy"), event -> secret.getElement().executeJs("navigator.clipboard.writeText($0)", created.secret()));
        var dialog = new Dialog(new Paragraph(getTranslation("apikeys.once")), secret);
        dialog.setHeaderTitle(getTranslation("apikeys.created.title", created.key().name()));
        var close = new Button(getTranslation("apikeys.close"), event -> dialog.close());
        close.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(copy, close);
        dialog.setWidth("36rem");
        dialog.open();
    }

    private com.vaadin.flow.component.Component action(ApiKey key) {
        if (key.isRevoked()) {
            return new Paragraph(getTranslation("apikeys.revoked"));
        }
        var revoke = new Button(getTranslation("apikeys.revoke"), event -> {
            var confirm = new ConfirmDialog(getTranslation("apikeys.revoke.title"), getTranslation("apikeys.revoke.text", key.name()),
                    getTranslation("apikeys.revoke"), done -> {
                        keys.revoke(user, key.id()).block(UiWait.LIMIT);
                        refresh();
                    });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("operator.wallets.cancel"));
            confirm.open();
        });
        revoke.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
        revoke.getElement().setAttribute("aria-label", getTranslation("apikeys.revoke.named", key.name()));
        return revoke;
    }

    void refresh() {
        grid.setItems(keys.listFor(user).collectList().block(UiWait.LIMIT));
    }
}
