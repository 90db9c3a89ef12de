package dev.kept.transparency;

import dev.kept.access.AccessPolicy;
import dev.kept.moves.EverydayMove;
import dev.kept.moves.EverydayMove.Kind;
import dev.kept.moves.MoveSource;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.Team;
import dev.kept.people.Teams;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.PlanChoice;
import dev.kept.shared.RuleViolationException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The six everyday moves of mutual accountability, counted per ISO week from what people did in
 * Kept: offering help, proposing or negotiating a co-owned goal, explaining a decision, asking for
 * advice, making a contribution to a goal visible, and thanking another team. A member sees their
 * own moves; a team's members and lead see the team's weekly count, never who made how many.
 */
@Service
public class EverydayMoves {

    private final People people;
    private final Teams orgTeams;
    private final AccessPolicy policy;
    private final List<MoveSource> sources;
    private final PlanChoice plans;
    private final Clock clock;

    EverydayMoves(
            People people,
            Teams orgTeams,
            AccessPolicy policy,
            List<MoveSource> sources,
            PlanChoice plans,
            Clock clock) {
        this.people = people;
        this.orgTeams = orgTeams;
        this.policy = policy;
        this.sources = List.copyOf(sources);
        this.plans = plans;
        this.clock = clock;
    }

    /** The caller's own moves in the week ({@code week} like 2026-W48; null: this week). */
    @Transactional(readOnly = true)
    public MovesView mine(Caller caller, String week) {
        Person me = member(caller);
        Week span = week(me, week);
        List<EverydayMove> made = made(caller.organizationId(), span, Set.of(me.getId()));
        return view(span, me.getId(), null, null, made);
    }

    /** A team's moves in the week, for its members and its lead; anyone else gets 404. */
    @Transactional(readOnly = true)
    public MovesView team(Caller caller, UUID teamId, String week) {
        Person me = member(caller);
        Team team = seenTeam(caller, teamId);
        Set<UUID> members = Set.copyOf(orgTeams.teamMemberIds(caller.organizationId(), Set.of(teamId), false));
        Week span = week(me, week);
        List<EverydayMove> made = made(caller.organizationId(), span, members);
        return view(span, null, team.getId(), team.getName(), made);
    }

    /**
     * A team's moves in each of the last {@code weeks} ISO weeks, oldest first, this week last, for
     * its members and lead; anyone else gets 404. Each source is read once for the whole span, so
     * the statements do not grow with the number of weeks.
     */
    @Transactional(readOnly = true)
    public List<MovesView> teamWeeks(Caller caller, UUID teamId, int weeks) {
        Person me = member(caller);
        Team team = seenTeam(caller, teamId);
        Set<UUID> members = Set.copyOf(orgTeams.teamMemberIds(caller.organizationId(), Set.of(teamId), false));
        ZoneId zone = ZoneId.of(me.getTimeZone());
        LocalDate thisMonday = week(me, null).monday();
        List<Week> spans = new ArrayList<>();
        for (int back = Math.max(1, weeks) - 1; back >= 0; back--) {
            spans.add(weekOf(thisMonday.minusWeeks(back), zone));
        }
        Week first = spans.get(0);
        Week last = spans.get(spans.size() - 1);
        List<EverydayMove> made = made(
                caller.organizationId(), new Week(first.name(), first.monday(), first.start(), last.end()), members);
        return spans.stream()
                .map(span -> view(
                        span,
                        null,
                        team.getId(),
                        team.getName(),
                        made.stream()
                                .filter(move -> !move.at().isBefore(span.start())
                                        && move.at().isBefore(span.end()))
                                .toList()))
                .toList();
    }

    private Team seenTeam(Caller caller, UUID teamId) {
        return orgTeams.teams(caller).stream()
                .filter(t -> t.getId().equals(teamId))
                .filter(t -> policy.canSeeTeamsWork(caller, Set.of(t.getId())))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Team"));
    }

    /** The team the caller belongs to, if any: the one whose count their moves page shows. */
    @Transactional(readOnly = true)
    public UUID teamOf(Caller caller) {
        return member(caller).getTeamId();
    }

    /**
     * The moves these people made in the week, each source read for them only (never the whole
     * organization's week): one statement per source whatever the organization holds.
     */
    private List<EverydayMove> made(UUID organizationId, Week span, Set<UUID> whose) {
        if (whose.isEmpty()) {
            return List.of();
        }
        if (whose.size() > 1) {
            // a team's members: generically planned, each source would walk the organization's week
            plans.customForThisTransaction();
        }
        List<EverydayMove> all = new ArrayList<>();
        for (MoveSource source : sources) {
            all.addAll(source.moves(organizationId, span.start(), span.end(), whose));
        }
        return all;
    }

    private static MovesView view(Week span, UUID personId, UUID teamId, String teamName, List<EverydayMove> made) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        made.forEach(move -> counts.merge(move.kind(), 1, Integer::sum));
        List<MovesView.Move> moves = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            moves.add(describe(kind, counts.getOrDefault(kind, 0)));
        }
        return new MovesView(
                span.name(),
                span.monday(),
                span.monday().plusDays(6),
                personId,
                teamId,
                teamName,
                moves,
                (int) moves.stream().filter(MovesView.Move::made).count(),
                made.size());
    }

    private static MovesView.Move describe(Kind kind, int count) {
        return switch (kind) {
            case OFFER_HELP ->
                new MovesView.Move(
                        kind.name(),
                        "Offer help to an adjacent team",
                        "Offer information, ideas, resources or time to another team's goal or commitment.",
                        "/help-offers/new",
                        count);
            case CO_OWN_GOAL ->
                new MovesView.Move(
                        kind.name(),
                        "Co-own a goal with a complementary team",
                        "Propose a goal to another team, counter-propose its terms, or accept them.",
                        "/goals",
                        count);
            case EXPLAIN_DECISION ->
                new MovesView.Move(
                        kind.name(),
                        "Explain how a decision serves the whole organization",
                        "Record a decision, the options you weighed, and the teams it affects.",
                        "/decisions/new",
                        count);
            case ASK_ADVICE ->
                new MovesView.Move(
                        kind.name(),
                        "Ask for advice from other expertise",
                        "Ask a question tagged with the expertise you need; people with those strengths are invited.",
                        "/advice/new",
                        count);
            case MAKE_VISIBLE ->
                new MovesView.Move(
                        kind.name(),
                        "Make your contribution to a shared goal visible",
                        "Link a commitment to the goal it serves, or report progress on one that does.",
                        "/commitments",
                        count);
            case THANK ->
                new MovesView.Move(
                        kind.name(),
                        "Thank another team that helped you",
                        "Thank a person or a team in another team, for the work they helped with.",
                        "/kudos",
                        count);
        };
    }

    private Person member(Caller caller) {
        if (!policy.canSeeGoals(caller)) {
            throw new NotFoundException("Moves");
        }
        return people.me(caller);
    }

    /** An ISO week in the viewer's time zone. */
    private record Week(String name, LocalDate monday, Instant start, Instant end) {}

    private Week week(Person viewer, String week) {
        ZoneId zone = ZoneId.of(viewer.getTimeZone());
        LocalDate monday;
        if (week == null || week.isBlank()) {
            monday = LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        } else {
            monday = parse(week.strip());
        }
        return weekOf(monday, zone);
    }

    private static Week weekOf(LocalDate monday, ZoneId zone) {
        String name = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Week(
                name,
                monday,
                monday.atStartOfDay(zone).toInstant(),
                monday.plusWeeks(1).atStartOfDay(zone).toInstant());
    }

    private static LocalDate parse(String week) {
        try {
            if (!week.matches("\\d{4}-W\\d{2}")) {
                throw new DateTimeParseException("not a week", week, 0);
            }
            return LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("BAD_WEEK", "week", "Give the week as an ISO week, like 2026-W48.");
        }
    }
}
