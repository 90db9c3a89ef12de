package dev.kept.commitments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what makes a commitment unclear: something missing, a done-when nobody could check, no date
 * or a past one, or vague words ("try", "soon", "ASAP", "better", "more", "some" ...). A vague
 * promise cannot be verified; a clear one says who will do what by when, and why.
 */
public final class ClarityCheck {

    private static final Pattern VAGUE = Pattern.compile(
            "\\b(try|trying|attempt|soon|asap|a\\.s\\.a\\.p|better|more|some|somewhat|somehow|maybe|perhaps"
                    + "|hopefully|possibly|several|various|stuff|things|improve|improved|enhance|optimi[sz]e"
                    + "|a bit|a few|a lot|lots|quickly|sometime|eventually|later|etc|as needed|work on|look into)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern MEASURABLE = Pattern.compile(
            "\\d|%|\\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|half|all|every|none|no longer"
                    + "|published|shipped|merged|signed|approved|sent|delivered|live|deployed|released|launched"
                    + "|submitted|accepted|booked|hired|passed|closed|resolved|documented|presented|agreed)\\b",
            Pattern.CASE_INSENSITIVE);

    private ClarityCheck() {}

    /** Assesses the terms as they stand; {@code today} is in the owner's time zone. */
    public static ClarityReport assess(String what, String doneWhen, LocalDate due, String why, LocalDate today) {
        List<ClarityReport.Issue> issues = new ArrayList<>();
        int penalty = 0;

        if (isBlank(what)) {
            issues.add(new ClarityReport.Issue("what", "MISSING", "Say what you will do."));
            penalty += 30;
        } else if (what.strip().split("\\s+").length < 3) {
            issues.add(new ClarityReport.Issue(
                    "what", "TOO_SHORT", "Say in a few more words what you will do, so someone else understands it."));
            penalty += 10;
        }
        if (isBlank(doneWhen)) {
            issues.add(new ClarityReport.Issue(
                    "doneWhen", "MISSING", "Say how anyone can tell it is done: the definition of done or a target."));
            penalty += 30;
        } else if (!MEASURABLE.matcher(doneWhen).find()) {
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
        if (text == null) {
            return found;
        }
        Matcher matcher = VAGUE.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return found;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
