package dev.kept.commitments;

import dev.kept.access.AccessPolicy;
import dev.kept.moves.EverydayMove;
import dev.kept.moves.MoveSource;
import dev.kept.people.Caller;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.PlanChoice;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists of commitments: a page of those the caller may see (searched and filtered), the
 * caller's dashboard, those serving goals, those shared in a partnership's check-in, and what
 * other modules need to name or count (titles, the moves that make contributions visible). Every
 * list is behind the access policy's SQL scope and read a page at a time. One commitment and its
 * life are {@link Commitments}'.
 */
@Service
public class CommitmentLists implements MoveSource {

    private final CommitmentQueries queries;
    private final AccessPolicy policy;
    private final Commitments commitments;
    private final Clock clock;
    private final PlanChoice plans;

    CommitmentLists(
            CommitmentQueries queries, AccessPolicy policy, Commitments commitments, Clock clock, PlanChoice plans) {
        this.queries = queries;
        this.policy = policy;
        this.commitments = commitments;
        this.clock = clock;
        this.plans = plans;
    }
    /** The most commitments each list of the dashboard shows. */
    public static final int DASHBOARD_MOST = 10;

    /**
     * What a commitment of this owner says (its title), read alone: for a notice to its owner, who
     * may always see it; empty when it is not theirs or no longer exists.
     */
    @Transactional(readOnly = true)
    public Optional<String> ownTitle(UUID organizationId, UUID ownerId, UUID id) {
        return queries.ownTitle(organizationId, ownerId, id);
    }

    /**
     * A commitment as another module names it: its title and who owns it now (the owner and the
     * co-owners who accepted).
     */
    public record Titled(UUID id, String what, UUID ownerId, Set<UUID> coOwners) {}

    /**
     * These commitments, those the caller may see, as other modules name them: two statements
     * whatever the number, behind the policy's SQL scope (the same rule as its check on one).
     */
    @Transactional(readOnly = true)
    public List<Titled> titledAmong(Caller caller, Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : queries.titledAmong(caller, ids);
    }

    /**
     * One page of the commitments the caller may see that match the search: open ones due soonest
     * first, then closed ones. {@code cursor} is the {@link Page#next()} of the page before (null:
     * the first page); one this list did not give out throws {@link dev.kept.shared.BadCursorException}.
     */
    @Transactional(readOnly = true)
    public Page<CommitmentView> list(Caller caller, CommitmentSearch search, String cursor, int limit) {
        ListPosition after = ListPosition.of(cursor);
        plans.genericForThisTransaction();
        return Page.of(
                queries.visiblePage(caller, search, after, limit + 1, commitments.today(caller), clock.instant()),
                limit,
                ListPosition::after);
    }

    /**
     * The first {@code limit} commitments the caller may see, optionally of one owner and one
     * filter. Kept for callers that read one bounded list; {@code offset} must be 0 (page with
     * {@link #list(Caller, CommitmentSearch, String, int)} instead).
     */
    @Transactional(readOnly = true)
    public List<CommitmentView> list(Caller caller, UUID ownerId, CommitmentFilter filter, int limit, int offset) {
        if (offset != 0) {
            throw new IllegalArgumentException("Commitments are paged with a cursor, not an offset.");
        }
        return list(caller, CommitmentSearch.ownedBy(ownerId, filter), null, limit)
                .items();
    }

    /**
     * One page of the commitments serving any of these goals that the caller may see, open ones
     * due soonest first (cursor as in {@link #list(Caller, CommitmentSearch, String, int)}).
     */
    @Transactional(readOnly = true)
    public Page<CommitmentView> visibleServing(Caller caller, Collection<UUID> goalIds, String cursor, int limit) {
        if (!policy.canSeeGoals(caller)) {
            throw new NotFoundException("Goal");
        }
        if (goalIds.isEmpty()) {
            ListPosition.of(cursor);
            return Page.empty();
        }
        return list(caller, new CommitmentSearch(null, null, List.copyOf(goalIds), null, null), cursor, limit);
    }

    /**
     * What the caller's dashboard shows: their own open commitments overdue, due within a week and
     * at risk, at most {@link #DASHBOARD_MOST} of each (soonest first), and whether there are more.
     */
    @Transactional(readOnly = true)
    public Dashboard dashboard(Caller caller) {
        LocalDate today = commitments.today(caller);
        Instant now = clock.instant();
        int rows = DASHBOARD_MOST + 1;
        List<CommitmentView> overdue = queries.ownOpenDue(caller, null, today.minusDays(1), rows, today, now);
        List<CommitmentView> dueSoon =
                queries.ownOpenDue(caller, today, today.plusDays(Commitments.DUE_SOON_DAYS), rows, today, now);
        List<CommitmentView> atRisk = queries.ownAtRisk(caller, rows, today, now);
        return new Dashboard(
                firstOf(overdue),
                firstOf(dueSoon),
                firstOf(atRisk),
                today,
                overdue.size() > DASHBOARD_MOST,
                dueSoon.size() > DASHBOARD_MOST,
                atRisk.size() > DASHBOARD_MOST);
    }

    private static List<CommitmentView> firstOf(List<CommitmentView> rows) {
        return rows.size() > DASHBOARD_MOST ? rows.subList(0, DASHBOARD_MOST) : rows;
    }

    /**
     * The open commitments of these owners that are shared through one partnership and that the
     * caller may see: what a check-in of that partnership talks about.
     */
    @Transactional(readOnly = true)
    public List<CommitmentView> openSharedIn(Caller caller, UUID partnershipId, Collection<UUID> ownerIds) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        return queries.openSharedIn(caller, partnershipId, ownerIds, commitments.today(caller), clock.instant());
    }

    /**
     * The make-contributions-visible moves made in [from, to) by these people (null: by anyone): a
     * commitment made to serve a goal, and each progress report on one.
     */
    @Override
    @Transactional(readOnly = true)
    public List<EverydayMove> moves(UUID organizationId, Instant from, Instant to, Collection<UUID> personIds) {
        return personIds != null && personIds.isEmpty()
                ? List.of()
                : queries.contributionMoves(organizationId, from, to, personIds);
    }

    /**
     * The caller's dashboard: overdue, due within a week, and at risk, each cut to {@link
     * #DASHBOARD_MOST}; {@code more...} says a list was cut (the full one is a filtered list).
     */
    public record Dashboard(
            List<CommitmentView> overdue,
            List<CommitmentView> dueSoon,
            List<CommitmentView> atRisk,
            LocalDate today,
            boolean moreOverdue,
            boolean moreDueSoon,
            boolean moreAtRisk) {}
}
