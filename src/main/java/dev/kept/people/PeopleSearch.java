package dev.kept.people;

import java.util.UUID;

/**
 * What the directory is narrowed to: a part of the name ({@code q}, any case), a team, a part of
 * the title (any case); null or blank means any.
 */
public record PeopleSearch(String q, UUID teamId, String title) {

    public static final PeopleSearch ANYONE = new PeopleSearch(null, null, null);

    public PeopleSearch {
        q = blankToNull(q);
        title = blankToNull(title);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
