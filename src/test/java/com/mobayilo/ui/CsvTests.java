package com.mobayilo.ui;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreDefused() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("+1+2")).isEqualTo("'+1+2");
        assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
    }

    @Test
    void plainNumbersAndE164PhoneNumbersAreKeptAsTheyAre() {
        assertThat(Csv.cell("-44")).isEqualTo("-44");
        assertThat(Csv.cell("+243812345678")).isEqualTo("+243812345678");
    }

    @Test
    void aRowQuotesCommasQuotesAndLineBreaksAndEndsInCrLf() {
        assertThat(Csv.row(List.of("a,b", "say \"hi\"", "two\nlines", ""))).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }
}
