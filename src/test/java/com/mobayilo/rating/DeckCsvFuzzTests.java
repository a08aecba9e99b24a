package com.mobayilo.rating;

import java.io.StringReader;
import java.math.BigDecimal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.mobayilo.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** Any uploaded file gives valid rows or line-numbered errors, never both and never an exception. */
class DeckCsvFuzzTests {

    @FuzzTest(maxDuration = "15s")
    void anyFileGivesValidRowsOrLineErrors(FuzzedDataProvider data) {
        var sell = data.consumeBoolean();
        var body = data.consumeRemainingAsString();
        var file = (sell ? DeckCsv.HEADER : CostDeckCsv.HEADER) + "\n" + body;
        var upload = sell ? DeckCsv.parse(new StringReader(file), lines -> { })
                : CostDeckCsv.parse(new StringReader(file), new Markup(new BigDecimal("25"), Money.cents(1)), lines -> { });
        assertThat(upload.rows().isEmpty() || upload.errors().isEmpty()).isTrue();
        assertThat(upload.isValid() || !upload.errors().isEmpty()).isTrue();
        upload.errors().forEach(error -> assertThat(error.line()).isBetween(1, body.split("\r\n|\r|\n", -1).length + 1));
        upload.rows().forEach(rate -> {
            assertThat(rate.prefix()).matches("[1-9][0-9]{0,14}");
            assertThat(rate.perMinute().isPositive()).isTrue();
            assertThat(rate.description()).isNotBlank();
        });
    }
}
