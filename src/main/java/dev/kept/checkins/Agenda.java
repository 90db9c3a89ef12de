package dev.kept.checkins;

import dev.kept.commitments.CommitmentView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a check-in is about: the commitments the two share (due soon first, then at risk, then
 * silent, then the rest), the next steps still open (carried from earlier check-ins) and those
 * agreed at this one, the shared notes and the viewer's own private notes, and the attendance.
 * {@code canWrite} is false once the partnership is no longer active.
 */
public record Agenda(
        CheckInView checkIn,
        List<Item> commitments,
        List<NextStepView> nextSteps,
        List<NoteView> notes,
        Consistency attendance,
        boolean canWrite) {

    /** Why a commitment is on the agenda, in the order the agenda takes them. */
    public enum Reason {
        DUE_SOON,
        AT_RISK,
        SILENT,
        ON_TRACK
    }

    /** A shared commitment on the agenda; {@code mine} when the viewer owns it and can report progress. */
    public record Item(CommitmentView commitment, Reason reason, boolean mine) {}

    /** A note: shared by the two partners, or private to its author. */
    public record NoteView(
            UUID id, UUID authorId, String authorName, String text, boolean isPrivate, Instant createdAt) {}

    /** Something one of the two agreed to do by a date; {@code carried} from an earlier check-in. */
    public record NextStepView(
            UUID id,
            UUID checkInId,
            String text,
            UUID ownerId,
            String ownerName,
            LocalDate due,
            boolean done,
            Instant doneAt,
            boolean carried) {}
}
