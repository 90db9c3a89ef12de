package dev.kept.people;

import java.util.UUID;

/**
 * What the directory is narrowed to: a part of the name ({@code q}, any case), a team, a part of
 * the title (any case); null or blank means any. {@code among} says which people are listed: those
 * still here (the default), those deactivated, or those still here whose manager was deactivated
 * (a reporting line to fix); the last two are an admin's lists.
 */
public record PeopleSearch(String q, UUID teamId, String title, Among among) {

    public static final PeopleSearch ANYONE = new PeopleSearch(null, null, null);

    /** Which people a directory search lists. */
    public enum Among {
        PRESENT,
        DEACTIVATED,
        MANAGER_DEACTIVATED;

        /** Whether only an admin may list them. */
        boolean adminOnly() {
            return this != PRESENT;
        }
    }

    public PeopleSearch {
        q = blankToNull(q);
        title = blankToNull(title);
        among = among == null ? Among.PRESENT : among;
    }

    public PeopleSearch(String q, UUID teamId, String title) {
        this(q, teamId, title, Among.PRESENT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
