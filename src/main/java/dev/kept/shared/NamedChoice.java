package dev.kept.shared;

import java.util.UUID;

/**
 * Something a form names by typing, as a search field offers it: its id, the name to type, and a
 * hint that tells apart things of the same name (null when there is none).
 */
public record NamedChoice(UUID id, String name, String hint) {

    /** How many matches a search field offers at most, whatever the size of the organization. */
    public static final int MOST = 20;

    /** The longest text a search field searches for. */
    public static final int LONGEST_SEARCH = 200;

    /** The name with its hint, as a page shows it. */
    public String label() {
        return hint == null ? name : name + " (" + hint + ")";
    }

    /** The limit a client asked for, kept between 1 and {@link #MOST}; the default is the most. */
    public static int limitOr(Integer asked) {
        return asked == null ? MOST : Math.max(1, Math.min(MOST, asked));
    }
}
