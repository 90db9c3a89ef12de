package dev.kept.shared;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    /**
     * The ids of at most two rows of {@code table} in the organization whose {@code column} is this
     * name: written exactly so (an index on the name finds them), or else in any case. Two mean the
     * name is ambiguous. {@code table} and {@code column} are the caller's constants, never input.
     */
    public static List<UUID> idsNamed(JdbcClient jdbc, String table, String column, UUID organizationId, String name) {
        String select = "select id from " + table + " where organization_id = :organization and ";
        List<UUID> exact = jdbc.sql(select + column + " = :name order by id limit 2")
                .param("organization", organizationId)
                .param("name", name)
                .query(UUID.class)
                .list();
        if (!exact.isEmpty()) {
            return exact;
        }
        return jdbc.sql(select + "lower(" + column + ") = :name order by id limit 2")
                .param("organization", organizationId)
                .param("name", name.toLowerCase(Locale.ROOT))
                .query(UUID.class)
                .list();
    }

    /** The limit a client asked for, kept between 1 and {@link #MOST}; the default is the most. */
    public static int limitOr(Integer asked) {
        return asked == null ? MOST : Math.max(1, Math.min(MOST, asked));
    }
}
