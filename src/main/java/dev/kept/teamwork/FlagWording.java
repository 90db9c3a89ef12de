package dev.kept.teamwork;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Guides a jeopardy flag toward an observation and a question rather than blame. Its hints never
 * block: they point at judging or absolute words ("always", "lazy", "your fault" ...), a question
 * without a question mark, and a noticed text that is only an opinion (it says what someone thinks
 * or feels and names nothing one could have seen: no number, date or quote).
 */
final class FlagWording {

    /** One hint: the field it is about, a code, and what to consider. */
    public record Hint(String field, String code, String message) {}

    private static final List<String> JUDGING = List.of(
            "always",
            "never",
            "lazy",
            "careless",
            "your fault",
            "blame",
            "incompetent",
            "failed to",
            "useless",
            "sloppy",
            "should have");
    private static final List<String> OPINION_OPENINGS = List.of(
            "i think",
            "i feel",
            "i believe",
            "in my opinion",
            "it seems",
            "seems like",
            "obviously",
            "clearly",
            "i guess");
    private static final Pattern CONCRETE = Pattern.compile("[0-9\"“”]");

    private FlagWording() {}

    public static List<Hint> check(String noticed, String question) {
        List<Hint> hints = new ArrayList<>();
        judging("noticed", noticed, hints);
        judging("question", question, hints);
        if (question != null && !question.isBlank() && !question.contains("?")) {
            hints.add(new Hint(
                    "question",
                    "NOT_A_QUESTION",
                    "Ask it as a question (ending with \"?\"): it invites an answer rather than a defence."));
        }
        if (onlyOpinion(noticed)) {
            hints.add(new Hint(
                    "noticed",
                    "OPINION",
                    "This reads as an opinion. Say what you saw or heard: a date that moved, a number, a"
                            + " step that did not happen."));
        }
        return hints;
    }

    private static void judging(String field, String text, List<Hint> hints) {
        String words = normalized(text);
        for (String judging : JUDGING) {
            if (words.contains(" " + judging + " ")) {
                hints.add(new Hint(
                        field,
                        "JUDGING",
                        "\"" + judging + "\" judges or generalizes. Describe what you noticed, this time, without"
                                + " a verdict."));
            }
        }
    }

    private static boolean onlyOpinion(String noticed) {
        String words = normalized(noticed);
        if (words.isBlank() || CONCRETE.matcher(noticed).find()) {
            return false;
        }
        return OPINION_OPENINGS.stream().anyMatch(opening -> words.contains(" " + opening + " "));
    }

    /** Lower case, punctuation as spaces, padded with a space, so words match whole. */
    private static String normalized(String text) {
        if (text == null) {
            return "";
        }
        return " "
                + text.toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}']+", " ")
                        .strip() + " ";
    }
}
