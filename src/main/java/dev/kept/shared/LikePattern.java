package dev.kept.shared;

import java.util.Locale;

/** SQL {@code like} patterns for a search: {@code lower(column) like :pattern escape '\'}. */
public final class LikePattern {

    private LikePattern() {}

    /** The pattern that matches any lower-cased text containing {@code text}, taken literally. */
    public static String contains(String text) {
        return "%" + escaped(text) + "%";
    }

    /** The pattern that matches any lower-cased text starting with {@code text}, taken literally. */
    public static String startsWith(String text) {
        return escaped(text) + "%";
    }

    private static String escaped(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
    }
}
