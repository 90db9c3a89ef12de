package dev.kept.commitments;

import java.util.List;

/**
 * What the clarity check found: a score from 0 (vague) to 100 (clear) and the issues to fix, each
 * tied to a field.
 */
public record ClarityReport(int score, List<Issue> issues) {

    public record Issue(String field, String code, String message) {}

    public boolean isClear() {
        return issues.isEmpty();
    }
}
