package dev.kept.shared;

import java.util.Locale;

/** SQL {@code like} patterns for a search: {@code lower(column) like :pattern escape '\'}. */
public final class LikePattern {

    private LikePattern() {}

    /** The pattern that matches any lower-cased text containing {@code text}, taken literally. */
    public static String contains(String text) {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
