package dev.kept.partnerships;

import java.util.UUID;

/**
 * Published when one side accepts, declines, pauses, resumes or ends a partnership, or leaves the
 * organization ({@code LEFT}: the partnership ends, {@code actorId} is the one who left):
 * {@code status} is the new one, {@code version} tells one change from the next.
 */
public record PartnershipChanged(
        UUID organizationId,
        UUID partnershipId,
        Change change,
        PartnershipStatus status,
        UUID actorId,
        String actorName,
        UUID otherId,
        long version) {

    /** What one side did. */
    public enum Change {
        ACCEPTED,
        DECLINED,
        PAUSED,
        RESUMED,
        ENDED,
        /** The actor was deactivated: the partnership ended with them. */
        LEFT;

        /** Whether the partnership is over after this change. */
        public boolean ends() {
            return this == ENDED || this == LEFT;
        }
    }
}
