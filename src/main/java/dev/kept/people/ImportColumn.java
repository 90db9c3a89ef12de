package dev.kept.people;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A column of a CSV file of people, as its header names it (any case, any order). */
enum ImportColumn {
    EMAIL("email", 254, "the person's e-mail address, required: it identifies the person"),
    NAME("name", 120, "their full name, required for a new person"),
    TITLE("title", 120, "their job title"),
    TEAM("team", 80, "their team, by name; a name no team has forms a new team"),
    MANAGER("manager", 254, "their manager's e-mail address: someone in the organization or in the file"),
    ROLE("role", 16, "MEMBER or ADMIN; empty: MEMBER for a new person, unchanged otherwise"),
    REGION("region", 80, "their region"),
    LEVEL("level", 2, "their level, 1 (most junior) to 20");

    private final String header;
    private final int longest;
    private final String meaning;

    ImportColumn(String header, int longest, String meaning) {
        this.header = header;
        this.longest = longest;
        this.meaning = meaning;
    }

    String header() {
        return header;
    }

    int longest() {
        return longest;
    }

    String meaning() {
        return meaning;
    }

    static Optional<ImportColumn> named(String header) {
        String wanted = header.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.header.equals(wanted)).findFirst();
    }

    static String allHeaders() {
        return Arrays.stream(values()).map(ImportColumn::header).collect(Collectors.joining(", "));
    }
}
