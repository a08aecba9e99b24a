package com.mobayilo.rating.ui;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.rating.CostDeckCsv;
import com.mobayilo.rating.DeckCsv;
import com.mobayilo.rating.DeckImports;
import com.mobayilo.rating.DeckUpload;
import com.mobayilo.rating.Markup;
import com.mobayilo.rating.RateDeck;
import com.mobayilo.shared.Money;
import com.mobayilo.ui.LocalizedUploads;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * Operators replace the rate deck from a CSV file: a sell deck, or a supplier's cost deck with a markup. The
 * file is checked line by line with a progress bar; a file with bad lines changes nothing and lists them; a
 * good one shows what would be added, changed and removed before anything is applied.
 */
@Route("operator/rates")
@Menu(title = "nav.operator.rates", order = 91, icon = "vaadin:table")
@RolesAllowed("OPERATOR")
class DeckView extends VerticalLayout implements HasDynamicTitle {

    static final int LARGEST_FILE = 20 * 1024 * 1024;

    private final DeckImports imports;

    private final AccountPrincipal operator;

    private final RadioButtonGroup<Boolean> kind = new RadioButtonGroup<>();

    private final BigDecimalField markupPercent = new BigDecimalField();

    private final IntegerField minimumMargin = new IntegerField();

    private final ProgressBar progress = new ProgressBar();

    private final Paragraph status = new Paragraph();

    private final DeckPreview preview;

    DeckView(DeckImports imports, RateDeck deck, AuthenticationContext authentication) {
        this.imports = imports;
        this.operator = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
        this.preview = new DeckPreview(this::apply);
        addClassName("page");
        add(new H1(getTranslation("deck.title")), current(deck), upload(), preview);
    }

    private Div current(RateDeck deck) {
        DownloadHandler csv = event -> {
            event.setFileName("mobayilo-rate-deck.csv");
            event.setContentType("text/csv; charset=utf-8");
            try (var out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                DeckCsv.write(deck.rows(), out);
            }
        };
        var export = new Anchor(csv, getTranslation("deck.export"));
        export.getElement().setAttribute("download", true);
        var section = new Div(new H2(getTranslation("deck.current")), new Paragraph(getTranslation("deck.current.size", deck.rows().size())), export);
        section.addClassName("settings-section");
        return section;
    }

    private Div upload() {
        kind.setLabel(getTranslation("deck.kind"));
        kind.setItems(true, false);
        kind.setItemLabelGenerator(sell -> getTranslation(sell ? "deck.kind.sell" : "deck.kind.cost"));
        kind.setValue(true);
        markupPercent.setLabel(getTranslation("deck.markup.percent"));
        markupPercent.setValue(new BigDecimal("30"));
        minimumMargin.setLabel(getTranslation("deck.markup.margin"));
        minimumMargin.setValue(1);
        minimumMargin.setMin(0);
        var markup = new Div(markupPercent, minimumMargin);
        markup.addClassName("markup-fields");
        markup.setVisible(false);
        kind.addValueChangeListener(event -> markup.setVisible(!event.getValue()));
        var format = new Paragraph(getTranslation("deck.format") + " ");
        var header = new Code(DeckCsv.HEADER);
        format.add(header);
        kind.addValueChangeListener(event -> header.setText(event.getValue() ? DeckCsv.HEADER : CostDeckCsv.HEADER));
        var ui = UI.getCurrent();
        var upload = new Upload(UploadHandler.toTempFile((metadata, file) -> parseInBackground(ui, file.toPath())));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        LocalizedUploads.localize(upload);
        upload.setMaxFileSize(LARGEST_FILE);
        upload.setDropLabel(new com.vaadin.flow.component.html.Span(getTranslation("deck.drop")));
        upload.addFileRejectedListener(event -> status.setText(getTranslation("deck.rejected", LARGEST_FILE / 1024 / 1024)));
        progress.setVisible(false);
        progress.setId("deck-progress");
        status.setId("deck-status");
        var section = new Div(new H2(getTranslation("deck.import")), format, kind, markup, upload, progress, status);
        section.addClassName("settings-section");
        return section;
    }

    /** Parses off the request thread, reporting progress through push. */
    private void parseInBackground(UI ui, java.nio.file.Path file) throws IOException {
        var totalLines = Math.max(1, lineCount(file));
        var sell = kind.getValue();
        var markup = sell ? null : new Markup(markupPercent.getValue() == null ? BigDecimal.ZERO : markupPercent.getValue(),
                Money.cents(minimumMargin.getValue() == null ? 0 : minimumMargin.getValue()));
        ui.access(() -> {
            progress.setVisible(true);
            progress.setValue(0);
            status.setText(getTranslation("deck.checking"));
            preview.clear();
        });
        Thread.ofVirtual().name("deck-import").start(() -> {
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                java.util.function.IntConsumer onProgress = lines -> ui.access(() -> progress.setValue(Math.min(1.0, (double) lines / totalLines)));
                var upload = sell ? DeckCsv.parse(reader, onProgress) : CostDeckCsv.parse(reader, markup, onProgress);
                ui.access(() -> checked(upload));
            }
            catch (IOException | RuntimeException ex) {
                ui.access(() -> status.setText(getTranslation("deck.unreadable")));
            }
            finally {
                file.toFile().delete();
            }
        });
    }

    private void checked(DeckUpload upload) {
        // The status line says the check is over; a bar left on screen reads as still working.
        progress.setVisible(false);
        if (!upload.isValid()) {
            status.setText(getTranslation("deck.invalid", upload.errors().size()));
            preview.showErrors(upload.errors());
            return;
        }
        status.setText(getTranslation("deck.valid", upload.rows().size()));
        preview.showChanges(upload, imports.preview(upload));
    }

    private void apply(DeckUpload upload) {
        var dialog = new ConfirmDialog(getTranslation("deck.apply.title"), getTranslation("deck.apply.text", upload.rows().size()),
                getTranslation("deck.apply"), event -> {
                    var changes = imports.apply(upload, operator.id()).block(UiWait.IMPORT);
                    preview.clear();
                    status.setText(getTranslation("deck.applied", changes.added().size(), changes.changed().size(), changes.removed().size()));
                    Notification.show(getTranslation("deck.applied.short"), 4000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.SUCCESS);
                });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("operator.wallets.cancel"));
        dialog.open();
    }

    private static long lineCount(java.nio.file.Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
        catch (java.io.UncheckedIOException malformed) {
            return 1;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("deck.page.title");
    }

}
