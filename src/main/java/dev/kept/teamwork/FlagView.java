package dev.kept.teamwork;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A jeopardy flag as one viewer sees it. {@code targetTitle} is shown only while the viewer may
 * see the target (a raiser who no longer does sees their own words only); {@code wordingHints}
 * are the non-blocking hints of {@link FlagWording}; the {@code can...} fields say what the viewer
 * may do now.
 */
public record FlagView(
        UUID id,
        TargetType targetType,
        UUID targetId,
        String targetTitle,
        String targetLink,
        UUID raisedBy,
        String raisedByName,
        String noticed,
        String question,
        UUID helpOfferId,
        FlagStatus status,
        String answer,
        String answeredByName,
        Instant answeredAt,
        String note,
        String closedByName,
        Instant closedAt,
        Instant createdAt,
        List<FlagWording.Hint> wordingHints,
        boolean canAnswer,
        boolean canResolve,
        boolean canWithdraw) {

    @JsonIgnore
    public boolean isOpen() {
        return status == FlagStatus.OPEN;
    }
}
