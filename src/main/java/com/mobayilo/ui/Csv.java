package com.mobayilo.ui;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 rows; cells that a spreadsheet would run as formulas are defused with a leading quote. */
public final class Csv {

    private Csv() {
    }

    public static String row(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    public static String cell(String value) {
        var text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("[-+]?\\d+")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
