package dev.kept.commitments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells what makes a commitment unclear: something missing, a done-when nobody could check, no date
 * or a past one, or vague words ("try", "soon", "ASAP", "better", "more", "some" ...). A vague
 * promise cannot be verified; a clear one says who will do what by when, and why.
 */
public final class ClarityCheck {

    // words and two-word phrases looked up in sets: the list assesses every row it returns
    private static final Set<String> VAGUE_WORDS = Set.of(
            "try",
            "trying",
            "attempt",
            "soon",
            "asap",
            "better",
            "more",
            "some",
            "somewhat",
            "somehow",
            "maybe",
            "perhaps",
            "hopefully",
            "possibly",
            "several",
            "various",
            "stuff",
            "things",
            "improve",
            "improved",
            "enhance",
            "optimise",
            "optimize",
            "lots",
            "quickly",
            "sometime",
            "eventually",
            "later",
            "etc");
    private static final Set<String> VAGUE_PHRASES =
            Set.of("a bit", "a few", "a lot", "as needed", "work on", "look into");
    private static final Set<String> MEASURABLE_WORDS = Set.of(
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "half",
            "all",
            "every",
            "none",
            "published",
            "shipped",
            "merged",
            "signed",
            "approved",
            "sent",
            "delivered",
            "live",
            "deployed",
            "released",
            "launched",
            "submitted",
            "accepted",
            "booked",
            "hired",
            "passed",
            "closed",
            "resolved",
            "documented",
            "presented",
            "agreed");

    /** Where words part: compiled once, since lists assess every commitment they show. */
    /** The first word of each vague phrase: only after one of these is a phrase looked for. */
    private static final Set<String> PHRASE_STARTS = VAGUE_PHRASES.stream()
            .map(phrase -> phrase.substring(0, phrase.indexOf(' ')))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * The terms an assessment without a day depends on: the lists assess every row they show, each
     * time they show it, and the same rows are shown again and again, so the most recent
     * assessments are kept (up to {@link #MOST_REMEMBERED}, then all dropped).
     */
    private record Terms(String what, String doneWhen, boolean dated, boolean why) {}

    static final int MOST_REMEMBERED = 5_000;

    private static final Map<Terms, ClarityReport> REMEMBERED = new ConcurrentHashMap<>();

    private ClarityCheck() {}

    /** Assesses the terms as they stand; {@code today} is in the owner's time zone. */
    public static ClarityReport assess(String what, String doneWhen, LocalDate due, String why, LocalDate today) {
        if (today != null) {
            return assessNow(what, doneWhen, due, why, today);
        }
        Terms terms = new Terms(what, doneWhen, due != null, !isBlank(why));
        ClarityReport known = REMEMBERED.get(terms);
        if (known != null) {
            return known;
        }
        ClarityReport report = assessNow(what, doneWhen, due, why, null);
        if (REMEMBERED.size() >= MOST_REMEMBERED) {
            REMEMBERED.clear();
        }
        REMEMBERED.put(terms, report);
        return report;
    }

    private static ClarityReport assessNow(String what, String doneWhen, LocalDate due, String why, LocalDate today) {
        List<ClarityReport.Issue> issues = new ArrayList<>();
        int penalty = 0;

        if (isBlank(what)) {
            issues.add(new ClarityReport.Issue("what", "MISSING", "Say what you will do."));
            penalty += 30;
        } else if (wordCount(what) < 3) {
            issues.add(new ClarityReport.Issue(
                    "what", "TOO_SHORT", "Say in a few more words what you will do, so someone else understands it."));
            penalty += 10;
        }
        if (isBlank(doneWhen)) {
            issues.add(new ClarityReport.Issue(
                    "doneWhen", "MISSING", "Say how anyone can tell it is done: the definition of done or a target."));
            penalty += 30;
        } else if (!isMeasurable(doneWhen)) {
            issues.add(new ClarityReport.Issue(
                    "doneWhen",
                    "NOT_MEASURABLE",
                    "Make it something anyone can check: a number or target, or an observable result"
                            + " such as published, signed or merged."));
            penalty += 20;
        }
        if (due == null) {
            issues.add(new ClarityReport.Issue("due", "MISSING", "Give the date it will be done by."));
            penalty += 20;
        } else if (today != null && due.isBefore(today)) {
            issues.add(new ClarityReport.Issue("due", "IN_PAST", "The due date is in the past."));
            penalty += 20;
        }
        int vaguePenalty = 0;
        for (String field : List.of("what", "doneWhen")) {
            String text = field.equals("what") ? what : doneWhen;
            for (String word : vagueWords(text)) {
                issues.add(new ClarityReport.Issue(
                        field,
                        "VAGUE",
                        "\u201c" + word + "\u201d is vague: say exactly what will happen, or how much."));
                vaguePenalty += 10;
            }
        }
        penalty += Math.min(vaguePenalty, 30);
        if (isBlank(why)) {
            issues.add(new ClarityReport.Issue(
                    "why", "MISSING", "Say why it matters: whom it serves or which larger goal it moves."));
            penalty += 10;
        }
        return new ClarityReport(Math.max(0, 100 - penalty), List.copyOf(issues));
    }

    static Set<String> vagueWords(String text) {
        Set<String> found = new LinkedHashSet<>();
        List<String> words = words(text);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String phrase = i + 1 < words.size() && PHRASE_STARTS.contains(word) ? word + " " + words.get(i + 1) : null;
            if (phrase != null && VAGUE_PHRASES.contains(phrase)) {
                found.add(phrase);
            } else if (VAGUE_WORDS.contains(word)) {
                found.add(word);
            }
        }
        return found;
    }

    static boolean isMeasurable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c) || c == '%') {
                return true;
            }
        }
        List<String> words = words(text);
        for (int i = 0; i < words.size(); i++) {
            if (MEASURABLE_WORDS.contains(words.get(i))
                    || (words.get(i).equals("no")
                            && i + 1 < words.size()
                            && words.get(i + 1).equals("longer"))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT).replace("a.s.a.p", "asap");
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean inWord = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** How many runs of non-space characters the text has (the words as a reader counts them). */
    private static int wordCount(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
