package com.mobayilo.rating;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;

import com.mobayilo.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeckCsvTests {

    @Test
    void aGoodFileGivesItsRows() {
        var upload = parse("""
                prefix,country,description,rate_per_minute_cents,effective_from
                243,CD,"Congo DR — Landline",25,
                24381,CD,"Congo DR — Mobile, Vodacom",22,2026-12-01
                881,,International network +881 (satellite),400
                """);
        assertThat(upload.errors()).isEmpty();
        assertThat(upload.rows()).extracting(Rate::prefix, Rate::description).containsExactly(
                org.assertj.core.groups.Tuple.tuple("243", "Congo DR — Landline"),
                org.assertj.core.groups.Tuple.tuple("24381", "Congo DR — Mobile, Vodacom"),
                org.assertj.core.groups.Tuple.tuple("881", "International network +881 (satellite)"));
        assertThat(upload.rows().get(2).country()).isNull();
    }

    @Test
    void everyBadLineIsReportedByNumberAndNoRowIsKept() {
        var upload = parse("""
                prefix,country,description,rate_per_minute_cents,effective_from
                243,CD,Congo DR — Landline,25,
                +24381,CD,Congo DR — Mobile,22,
                33,XX,France,2,
                34,ES,,2,
                44,GB,United Kingdom,0,
                49,DE,Germany,2,next tuesday
                243,CD,Congo DR again,25,
                1,US,"unclosed,1
                """);
        assertThat(upload.rows()).isEmpty();
        assertThat(upload.errors()).extracting(LineError::line, LineError::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "rating.deck.prefix"),
                org.assertj.core.groups.Tuple.tuple(4, "rating.deck.country"),
                org.assertj.core.groups.Tuple.tuple(5, "rating.deck.description"),
                org.assertj.core.groups.Tuple.tuple(6, "rating.deck.rate"),
                org.assertj.core.groups.Tuple.tuple(7, "rating.deck.date"),
                org.assertj.core.groups.Tuple.tuple(8, "rating.deck.duplicate"),
                org.assertj.core.groups.Tuple.tuple(9, "rating.deck.columns"));
    }

    @Test
    void aFileWithoutTheDocumentedHeaderIsRefusedAtLineOne() {
        var upload = parse("prefix;rate\n243;25\n");
        assertThat(upload.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.messageKey()).isEqualTo("rating.deck.header");
        });
    }

    @Test
    void anExportedDeckImportsBackUnchanged() throws Exception {
        var rows = parse("""
                prefix,country,description,rate_per_minute_cents,effective_from
                243,CD,"Congo DR — Mobile, \"\"Vodacom\"\"",22,2027-01-01
                33,FR,France — Landline,2,
                """).rows();
        var out = new StringWriter();
        DeckCsv.write(rows, out);
        assertThat(parse(out.toString()).rows()).isEqualTo(rows);
    }

    @Test
    void aCostDeckBecomesASellDeckWithTheMarkupRoundedUp() {
        var markup = new Markup(new BigDecimal("30"), Money.cents(1));
        var upload = CostDeckCsv.parse(new StringReader("""
                prefix,country,description,cost_per_minute_usd
                243,CD,Congo DR — Landline,0.1700
                1,US,United States,0.0040
                33,FR,France,0.015
                """), markup, lines -> { });
        assertThat(upload.errors()).isEmpty();
        assertThat(upload.rows()).extracting(rate -> rate.perMinute().cents()).containsExactly(23L, 2L, 3L);
    }

    @Test
    void markupIsAPercentButNeverLessThanTheMinimumMargin() {
        var markup = new Markup(new BigDecimal("10"), Money.cents(2));
        assertThat(markup.sellRateFor(new BigDecimal("100"))).isEqualTo(Money.cents(110));
        assertThat(markup.sellRateFor(new BigDecimal("5"))).isEqualTo(Money.cents(7));
        assertThat(markup.sellRateFor(new BigDecimal("0.2"))).isEqualTo(Money.cents(3));
    }

    @Test
    void thePreviewNamesWhatIsAddedChangedAndRemoved() {
        var current = parse("""
                prefix,country,description,rate_per_minute_cents,effective_from
                243,CD,Congo DR,25,
                33,FR,France,2,
                44,GB,United Kingdom,2,
                """).rows();
        var proposed = parse("""
                prefix,country,description,rate_per_minute_cents,effective_from
                243,CD,Congo DR,24,
                33,FR,France,2,
                49,DE,Germany,2,
                """).rows();
        var changes = DeckChanges.between(current, proposed);
        assertThat(changes.added()).extracting(Rate::prefix).containsExactly("49");
        assertThat(changes.changed()).extracting(change -> change.after().perMinute().cents()).containsExactly(24L);
        assertThat(changes.removed()).extracting(Rate::prefix).containsExactly("44");
        assertThat(changes.unchanged()).isEqualTo(1);
    }

    private static DeckUpload parse(String csv) {
        return DeckCsv.parse(new StringReader(csv), lines -> { });
    }

}
