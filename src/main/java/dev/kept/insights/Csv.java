package dev.kept.insights;

import java.util.List;

/**
 * Rows as CSV (RFC 4180: comma-separated, quoted where needed, CRLF line ends), for the insight
 * tables a person downloads. A cell that a spreadsheet would run as a formula (starting with =, +,
 * -, @, a tab or a carriage return) is written with a leading apostrophe, so a team or goal named
 * "=HYPERLINK(...)" stays text.
 */
public final class Csv {

    private Csv() {}

    public static String of(List<String> header, List<List<?>> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        for (List<?> row : rows) {
            line(csv, row);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
