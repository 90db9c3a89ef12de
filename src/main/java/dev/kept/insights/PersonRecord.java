package dev.kept.insights;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person's own track record over the last {@code months} calendar months ({@code from} to {@code
 * to}, in their time zone): what became of the commitments they own and closed, in total and per
 * month of closing; their open commitments at risk now; how consistently they meet their partners;
 * and what partners challenged them on and how it ended. Only their own data.
 */
public record PersonRecord(
        UUID personId,
        int months,
        LocalDate from,
        LocalDate to,
        String timeZone,
        Closings total,
        List<Closings.Month> byMonth,
        AtRisk atRisk,
        CheckIns checkIns,
        List<Challenges> challenges) {

    /** Open commitments now, those at risk ({@code atRisk}), and the first few of them, soonest due first. */
    public record AtRisk(long open, long atRisk, List<Item> first) {

        public record Item(UUID id, String what, LocalDate due) {}
    }

    /**
     * Check-ins of all the person's partnerships over the last {@code days} days: held, skipped,
     * and not recorded two days after they started ({@code unrecorded}, counted as missed). {@code
     * consistency}: held out of held and missed. {@code streak}: held in a row, from the latest back
     * to the latest missed one (however long ago).
     */
    public record CheckIns(int days, long streak, long held, long skipped, long unrecorded, Share consistency) {}

    /**
     * Challenges of one kind (QUESTION, PUSH, CONCERN) partners made in the period: how many were
     * answered, found helpful or not by the owner, and what became of the commitment challenged.
     */
    public record Challenges(
            String kind,
            long made,
            long answered,
            long helpful,
            long notHelpful,
            long kept,
            long notKept,
            long dropped,
            long stillOpen) {}
}
