package dev.kept.people;

import dev.kept.shared.RuleViolationException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file of people: UTF-8 with or without a byte order mark, a header row naming {@link
 * ImportColumn}s in any order, then one row per person. What makes the whole file unreadable breaks
 * a rule (reason {@code CSV_...}, field {@code file}); what is wrong with one row is left to {@link
 * ImportPlan}. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
final class PeopleCsv {

    static final String FIELD = "file";

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** A row of the file: its number and its cells by column (a cell the row lacks is empty). */
    record Row(long number, Map<ImportColumn, String> cells, int extraCells) {

        boolean has(ImportColumn column) {
            return cells.containsKey(column);
        }

        String cell(ImportColumn column) {
            return cells.getOrDefault(column, "");
        }
    }

    /** A file read: its columns in the header's order and its rows. */
    record File(List<ImportColumn> columns, List<Row> rows) {}

    private PeopleCsv() {}

    static String decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw broken("CSV_EMPTY", "The file is empty: it needs a header row and a row per person.");
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            throw broken(
                    "CSV_ENCODING",
                    "The file is not in UTF-8. Save it as \"CSV UTF-8\" (in Excel) or choose UTF-8 when exporting.");
        }
    }

    static File read(String text, int mostRows) {
        if (text.isBlank()) {
            throw broken("CSV_EMPTY", "The file is empty: it needs a header row and a row per person.");
        }
        List<ImportColumn> columns = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = header(record);
                    continue;
                }
                if (isBlank(record)) {
                    continue;
                }
                if (rows.size() == mostRows) {
                    throw broken(
                            "CSV_TOO_MANY_ROWS",
                            "The file has more than " + mostRows + " people; split it into several files.");
                }
                Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
                for (int i = 0; i < columns.size(); i++) {
                    cells.put(columns.get(i), i < record.size() ? record.get(i) : "");
                }
                rows.add(new Row(record.getRecordNumber(), cells, Math.max(0, record.size() - columns.size())));
            }
        } catch (UncheckedIOException | IllegalStateException | IOException malformed) {
            throw broken(
                    "CSV_MALFORMED",
                    "The file is not valid CSV (" + reason(malformed)
                            + "). Check the quotes: a cell that holds a comma, a quote or a line break is"
                            + " written between double quotes, and a quote inside it is doubled.");
        }
        if (columns == null) {
            throw broken("CSV_EMPTY", "The file is empty: it needs a header row and a row per person.");
        }
        if (rows.isEmpty()) {
            throw broken("CSV_NO_ROWS", "The file has a header row but no people.");
        }
        return new File(columns, rows);
    }

    private static List<ImportColumn> header(CSVRecord record) {
        List<ImportColumn> columns = new ArrayList<>();
        Set<ImportColumn> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : record) {
            Optional<ImportColumn> column = ImportColumn.named(name);
            if (column.isEmpty()) {
                unknown.add(name.isBlank() ? "(empty)" : name.strip());
            } else if (!seen.add(column.get())) {
                throw broken(
                        "CSV_DUPLICATE_COLUMN",
                        "The header names the column \"" + column.get().header() + "\" twice.");
            } else {
                columns.add(column.get());
            }
        }
        if (!unknown.isEmpty()) {
            throw broken(
                    "CSV_UNKNOWN_COLUMN",
                    "Unknown column" + (unknown.size() > 1 ? "s " : " ") + quoted(unknown)
                            + ". The first row must name columns among: " + ImportColumn.allHeaders() + ".");
        }
        if (!seen.contains(ImportColumn.EMAIL)) {
            throw broken(
                    "CSV_NO_EMAIL_COLUMN",
                    "The first row must be a header naming the columns, with at least \"email\"; it may also name: "
                            + ImportColumn.allHeaders() + ".");
        }
        return columns;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String quoted(List<String> names) {
        List<String> shown = names.size() > 5 ? names.subList(0, 5) : names;
        return "\"" + String.join("\", \"", shown) + "\"" + (names.size() > 5 ? " and more" : "");
    }

    private static String reason(Exception malformed) {
        Throwable cause = malformed;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "unreadable" : cause.getMessage();
        return message.length() > 160 ? message.substring(0, 160) : message;
    }

    static RuleViolationException broken(String reason, String detail) {
        return new RuleViolationException(reason, FIELD, detail);
    }
}
