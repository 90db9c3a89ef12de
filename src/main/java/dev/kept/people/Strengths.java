package dev.kept.people;

import dev.kept.shared.RuleViolationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rule for tags naming an area of expertise, shared by a person's strengths and the areas an
 * advice request asks about: each 1 to 40 characters, kept trimmed and in lower case, without
 * duplicates (a repeated tag counts once).
 */
public final class Strengths {

    /** The most strengths a person lists. */
    public static final int MOST = 10;

    public static final int LONGEST = 40;

    private Strengths() {}

    /**
     * The tags in their stored form, in the order given, or a 422 naming {@code field} when one is
     * blank or too long, or when there are fewer than {@code least} or more than {@code most}.
     */
    public static List<String> normalize(Collection<String> raw, int least, int most, String field) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw == null ? List.<String>of() : raw) {
            String clean = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (clean.isEmpty()) {
                throw new RuleViolationException("TAG_BLANK", field, "A tag cannot be empty.");
            }
            if (clean.length() > LONGEST) {
                throw new RuleViolationException(
                        "TAG_TOO_LONG", field, "A tag has at most " + LONGEST + " characters: \"" + clean + "\".");
            }
            tags.add(clean);
        }
        if (tags.size() < least) {
            throw new RuleViolationException(
                    "TOO_FEW_TAGS", field, "Name at least " + least + (least == 1 ? " area." : " areas."));
        }
        if (tags.size() > most) {
            throw new RuleViolationException("TOO_MANY_TAGS", field, "Name at most " + most + " areas.");
        }
        return new ArrayList<>(tags);
    }

    /** Tags typed in one field, separated by commas; empty pieces (",,") are skipped. */
    public static List<String> split(String commaSeparated) {
        List<String> tags = new ArrayList<>();
        if (commaSeparated == null) {
            return tags;
        }
        for (String piece : commaSeparated.split(",")) {
            if (!piece.isBlank()) {
                tags.add(piece);
            }
        }
        return tags;
    }
}
