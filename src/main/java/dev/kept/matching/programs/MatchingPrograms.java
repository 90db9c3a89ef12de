package dev.kept.matching.programs;

import dev.kept.matching.MatchAccepted;
import dev.kept.matching.MatchDeclined;
import dev.kept.matching.MatchProposed;
import dev.kept.matching.MatchWithdrawn;
import dev.kept.matching.MatchingEngine;
import dev.kept.matching.Options;
import dev.kept.matching.Pair;
import dev.kept.matching.PairRule;
import dev.kept.matching.Pairing;
import dev.kept.matching.Participant;
import dev.kept.matching.Trio;
import dev.kept.matching.programs.ProgramRows.Profile;
import dev.kept.matching.programs.ProgramRows.Program;
import dev.kept.matching.programs.ProposalRows.CoachOffer;
import dev.kept.matching.programs.ProposalRows.Member;
import dev.kept.matching.programs.ProposalRows.Proposal;
import dev.kept.matching.programs.ProposalRows.Run;
import dev.kept.matching.programs.ProposalRows.Unmatched;
import dev.kept.matching.programs.Views.CoachOfferView;
import dev.kept.matching.programs.Views.MemberView;
import dev.kept.matching.programs.Views.PairView;
import dev.kept.matching.programs.Views.PersonRef;
import dev.kept.matching.programs.Views.ProfileView;
import dev.kept.matching.programs.Views.ProgramView;
import dev.kept.matching.programs.Views.ProposalView;
import dev.kept.matching.programs.Views.RunSummary;
import dev.kept.matching.programs.Views.RunView;
import dev.kept.matching.programs.Views.TrioView;
import dev.kept.matching.programs.Views.UnmatchedView;
import dev.kept.partnerships.Cadence;
import dev.kept.partnerships.Partnering;
import dev.kept.partnerships.PartnershipKind;
import dev.kept.partnerships.Partnerships;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.PersonDeactivated;
import dev.kept.people.Strengths;
import dev.kept.people.Teams;
import dev.kept.shared.ConflictException;
import dev.kept.shared.Cursor;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.NamedChoice;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import dev.kept.shared.StorableTime;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matching programs: an admin sets one up (who may join, an opt-in deadline, rules, weights,
 * coaches); members opt in with a profile, update it or opt out; an admin runs the engine over
 * everyone still waiting for a partner, and each pair or trio becomes a proposal its people accept
 * or decline, while someone left unmatched is offered a coach. When everyone in a proposal
 * accepts, their partnerships are formed; a decline closes it, its people take part in the next
 * run, and the one who declined is never proposed with the others again in this program.
 *
 * <p>Each person sees only their own proposals and profile; the admin sees a run's pairs. Competitor
 * declarations reach the engine only as part of a {@link PairRule} and are never shown. A guest,
 * or anyone of another organization, finds no program at all (404).
 */
@Service
public class MatchingPrograms {

    static final int MOST_RESPECTED = 50;

    // later than anything made: where the newest-first lists start
    private static final Cursor NEWEST = new Cursor("9999-12-31T00:00:00Z", new UUID(-1L, -1L));

    // before the first of a run's pairs, trios and unmatched people: where their lists start
    private static final Cursor FIRST_IN_RUN = new Cursor("-1", new UUID(0L, 0L));

    private static final String SOME_PROGRAM = "a matching program";

    private final ProgramRows programs;
    private final ProposalRows proposals;
    private final ProgramPairRules pairRules;
    private final People people;
    private final Teams orgTeams;
    private final Partnerships partnerships;
    private final Partnering partnering;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MatchingEngine engine = new MatchingEngine();

    MatchingPrograms(
            ProgramRows programs,
            ProposalRows proposals,
            ProgramPairRules pairRules,
            People people,
            Teams orgTeams,
            Partnerships partnerships,
            Partnering partnering,
            ApplicationEventPublisher events,
            Clock clock) {
        this.programs = programs;
        this.proposals = proposals;
        this.pairRules = pairRules;
        this.people = people;
        this.orgTeams = orgTeams;
        this.partnerships = partnerships;
        this.partnering = partnering;
        this.events = events;
        this.clock = clock;
    }

    /** Whether a profile was new to the program (201) or an update (200). */
    public record OptedIn(ProfileView profile, boolean joined) {}

    // --- programs ----------------------------------------------------------------------------

    /** Sets up a program (admins only, 403 otherwise). */
    @Transactional
    public ProgramView create(Caller caller, ProgramDraft draft) {
        Person admin = people.requireAdmin(caller);
        Program program = settings(caller, UUID.randomUUID(), draft, clock.instant());
        programs.insert(program, admin.getId());
        return view(program, admin);
    }

    /**
     * Changes a program's settings (admins only): name, who may join, deadline, rules, weights and
     * coaches, as on creation. People already in stay in, and runs already made stay as they were;
     * the next run uses the new settings.
     */
    @Transactional
    public ProgramView update(Caller caller, UUID programId, ProgramDraft draft) {
        Person admin = people.requireAdmin(caller);
        Program existing = program(caller, programId);
        Program changed = settings(caller, existing.id(), draft, existing.createdAt());
        programs.update(changed);
        return view(program(caller, programId), admin);
    }

    private Program settings(Caller caller, UUID id, ProgramDraft draft, Instant createdAt) {
        if (draft.optInUntil() != null && !draft.optInUntil().isAfter(clock.instant())) {
            throw new RuleViolationException(
                    "DEADLINE_PASSED", "optInUntil", "The opt-in deadline must be in the future.");
        }
        List<UUID> teamIds = List.copyOf(new LinkedHashSet<>(orEmpty(draft.teamIds())));
        Set<UUID> knownTeams =
                orgTeams.teamsIn(caller, teamIds).stream().map(NamedChoice::id).collect(Collectors.toSet());
        for (UUID team : teamIds) {
            if (!knownTeams.contains(team)) {
                throw new RuleViolationException(
                        "UNKNOWN_TEAM", "teamIds", "There is no such team in this organization.");
            }
        }
        List<UUID> coachIds = requireMembers(caller, draft.coachIds(), "coachIds");
        return new Program(
                id,
                caller.organizationId(),
                draft.name().strip(),
                draft.optInUntil(),
                draft.rules().toRules(),
                draft.weights() == null
                        ? dev.kept.matching.Weights.defaults()
                        : draft.weights().toWeights(),
                teamIds,
                coachIds,
                createdAt);
    }

    /**
     * A page of the programs of the caller's organization, newest first: the page after {@code
     * cursor} (null: the first), at most {@code limit}; a forged cursor answers 400.
     */
    @Transactional(readOnly = true)
    public Page<ProgramView> list(Caller caller, String cursor, int limit) {
        Cursor before = Cursor.orStart(cursor, MatchingPrograms::storableInstant, NEWEST);
        Person me = member(caller);
        Page<Program> page = Page.of(
                programs.page(caller.organizationId(), before, limit + 1),
                limit,
                program -> newest(program.createdAt(), program.id()));
        return new Page<>(views(page.items(), me), page.next());
    }

    @Transactional(readOnly = true)
    public ProgramView get(Caller caller, UUID programId) {
        Person me = member(caller);
        return view(program(caller, programId), me);
    }

    private static Cursor newest(Instant at, UUID id) {
        return new Cursor(at.toString(), id);
    }

    private static Instant storableInstant(String text) {
        Instant instant = Instant.parse(text);
        if (!StorableTime.contains(instant)) {
            throw new IllegalArgumentException("not a time the database keeps: " + text);
        }
        return instant;
    }

    /** Names the program's coaches (admins only): members offered to people left unmatched. */
    @Transactional
    public ProgramView setCoaches(Caller caller, UUID programId, Collection<UUID> coachIds) {
        Program program = program(caller, programId);
        Person admin = people.requireAdmin(caller);
        programs.replaceCoaches(program.id(), requireMembers(caller, coachIds, "coachIds"));
        return view(program(caller, programId), admin);
    }

    // --- participants ------------------------------------------------------------------------

    /**
     * Opts the caller in with a profile, or updates it. Refused after the deadline for someone not
     * in yet (409), to someone outside the teams it is open to (403), and with an unknown person
     * among those respected or declared competitors (422).
     */
    @Transactional
    public OptedIn optIn(Caller caller, UUID programId, ProfileDraft draft) {
        Person me = member(caller);
        Program program = program(caller, programId);
        Instant now = clock.instant();
        boolean alreadyIn = programs.profile(program.id(), me.getId()).isPresent();
        if (!alreadyIn) {
            requireMayJoin(program, me);
            if (!program.openAt(now)) {
                throw new ConflictException("Opting in to this program closed at " + program.optInUntil() + ".");
            }
        }
        List<String> strengths = draft.strengths() == null
                ? people.strengthsOf(caller.organizationId(), me.getId())
                : Strengths.normalize(draft.strengths(), 0, Strengths.MOST, "strengths");
        List<String> growth = Strengths.normalize(draft.growthAreas(), 0, Strengths.MOST, "growthAreas");
        List<UUID> respects = requireMembers(caller, draft.respects(), "respects");
        if (respects.contains(me.getId())) {
            throw new RuleViolationException("SELF", "respects", "Name others you respect, not yourself.");
        }
        if (respects.size() > MOST_RESPECTED) {
            throw new RuleViolationException(
                    "TOO_MANY", "respects", "Name at most " + MOST_RESPECTED + " people you respect.");
        }
        String zone =
                zone(draft.timeZone() == null || draft.timeZone().isBlank() ? me.getTimeZone() : draft.timeZone());
        if (draft.competitors() != null) {
            partnering.declareCompetitors(caller, draft.competitors());
        }
        Profile profile = new Profile(
                me.getId(), strengths, growth, new LinkedHashSet<>(respects), zone, draft.preferredCadence(), now, now);
        boolean joined = programs.save(caller.organizationId(), program.id(), profile, now);
        return new OptedIn(profile(caller, programId), joined);
    }

    /** The caller's own profile in a program (404 when they have not opted in). */
    @Transactional(readOnly = true)
    public ProfileView profile(Caller caller, UUID programId) {
        Person me = member(caller);
        Program program = program(caller, programId);
        return programs.profile(program.id(), me.getId())
                .map(profile -> profileView(program.id(), profile))
                .orElseThrow(() -> new NotFoundException("Profile"));
    }

    /**
     * What the opt-in form starts from: the caller's profile, or else their strengths and time
     * zone.
     */
    @Transactional(readOnly = true)
    public ProfileView profileOrDefaults(Caller caller, UUID programId) {
        Person me = member(caller);
        Program program = program(caller, programId);
        return programs.profile(program.id(), me.getId())
                .map(profile -> profileView(program.id(), profile))
                .orElseGet(() -> new ProfileView(
                        program.id(),
                        me.getId(),
                        people.strengthsOf(caller.organizationId(), me.getId()),
                        List.of(),
                        List.of(),
                        me.getTimeZone(),
                        null,
                        null,
                        null));
    }

    /** Opts the caller out, unless they are in a pending or accepted proposal of it (409). */
    @Transactional
    public void optOut(Caller caller, UUID programId) {
        Person me = member(caller);
        Program program = program(caller, programId);
        if (proposals.taken(program.id()).contains(me.getId())) {
            throw new ConflictException(
                    "You are in a match of this program: decline it first, or end the partnership it formed.");
        }
        if (!programs.remove(program.id(), me.getId())) {
            throw new NotFoundException("Profile");
        }
    }

    // --- runs --------------------------------------------------------------------------------

    /**
     * Runs the engine over everyone in the program not in a pending or accepted proposal (admins
     * only): each pair and trio becomes a proposal, and each person left unmatched is offered a
     * coach when one may coach them.
     */
    @Transactional
    public RunView run(Caller caller, UUID programId) {
        Program program = program(caller, programId);
        Person admin = people.requireAdmin(caller);
        programs.lockForRun(program.id());
        UUID organization = caller.organizationId();
        Map<UUID, Person> members = everyMemberById(caller);
        Set<UUID> taken = proposals.taken(program.id());
        List<Profile> waiting = programs.profiles(program.id()).stream()
                .filter(profile -> !taken.contains(profile.personId()))
                .filter(profile -> members.containsKey(profile.personId()))
                .toList();
        Map<UUID, Profile> profiles =
                waiting.stream().collect(Collectors.toMap(Profile::personId, Function.identity()));
        List<Participant> participants = waiting.stream()
                .map(profile -> participant(profile, members.get(profile.personId())))
                .toList();

        PairRule always = pairRules.always(organization, program.id());
        PairRule onlyParticipants = (a, b) -> !profiles.containsKey(a) || !profiles.containsKey(b);
        PairRule forbidden = PairRule.forProgram(
                program.rules(), always.or(onlyParticipants), pairRules.previousPartners(organization));
        Instant now = clock.instant();
        Pairing pairing = engine.match(
                participants,
                forbidden,
                program.rules(),
                program.weights(),
                Options.forProgram(participants.size(), now));

        Run run = new Run(UUID.randomUUID(), program.id(), pairing.totalScore(), now);
        proposals.insertRun(organization, run, admin.getId(), pairing.unmatched());
        List<Proposal> made = new ArrayList<>();
        for (Pair pair : pairing.pairs()) {
            made.add(proposal(run, ProposalKind.PAIR, List.of(pair.a(), pair.b()), List.of(pair), null));
        }
        for (Trio trio : pairing.trios()) {
            made.add(proposal(
                    run,
                    ProposalKind.TRIO,
                    trio.members(),
                    List.of(trio.pair(), trio.joinedWithA(), trio.joinedWithB()),
                    null));
        }
        Map<UUID, Integer> load = new HashMap<>(proposals.coachLoad(program.id()));
        for (UUID person : pairing.unmatched()) {
            program.coachIds().stream()
                    .filter(coach -> members.containsKey(coach) && !always.forbids(person, coach))
                    .min(Comparator.comparingInt((UUID coach) -> load.getOrDefault(coach, 0))
                            .thenComparing(coach -> members.get(coach).getName())
                            .thenComparing(Comparator.naturalOrder()))
                    .ifPresent(coach -> {
                        load.merge(coach, 1, Integer::sum);
                        made.add(proposal(run, ProposalKind.COACH, List.of(person, coach), List.of(), coach));
                    });
        }
        for (int i = 0; i < made.size(); i++) {
            Proposal proposal = made.get(i);
            proposals.insertProposal(organization, proposal, i);
            List<UUID> asked = proposal.members().stream()
                    .filter(member -> member.answer() == null)
                    .map(Member::personId)
                    .toList();
            events.publishEvent(new MatchProposed(
                    organization, proposal.id(), program.name(), proposal.kind() == ProposalKind.COACH, asked));
        }
        return runView(caller, run);
    }

    private static Proposal proposal(Run run, ProposalKind kind, List<UUID> people, List<Pair> pairs, UUID coach) {
        List<Member> members = people.stream()
                // the coach agreed to coach by being named: only the person coached is asked
                .map(person -> new Member(person, person.equals(coach) ? ProposalRows.ACCEPTED : null))
                .toList();
        return new Proposal(
                UUID.randomUUID(),
                run.programId(),
                run.id(),
                0,
                kind,
                ProposalStatus.PENDING,
                members,
                pairs,
                run.createdAt());
    }

    private Participant participant(Profile profile, Person person) {
        return new Participant(
                person.getId(),
                person.getName(),
                person.getTeamId(),
                person.getRegion(),
                person.getLevel(),
                Set.copyOf(profile.strengths()),
                Set.copyOf(profile.growthAreas()),
                profile.respects(),
                ZoneId.of(profile.timeZone()),
                profile.preferredCadence());
    }

    /**
     * A page of the runs of a program, newest first (admins only): the page after {@code cursor}
     * (null: the first), at most {@code limit}; a forged cursor answers 400.
     */
    @Transactional(readOnly = true)
    public Page<RunSummary> runs(Caller caller, UUID programId, String cursor, int limit) {
        Cursor before = Cursor.orStart(cursor, MatchingPrograms::storableInstant, NEWEST);
        Program program = program(caller, programId);
        people.requireAdmin(caller);
        return Page.of(
                proposals.summaries(caller.organizationId(), program.id(), before, limit + 1),
                limit,
                run -> newest(run.createdAt(), run.id()));
    }

    /**
     * One run of a program (admins only): how many pairs, trios and unmatched people it made, what
     * became of its proposals, and the first page of its pairs ({@code pairsNext} holds the cursor
     * of the next page).
     */
    @Transactional(readOnly = true)
    public RunView run(Caller caller, UUID programId, UUID runId) {
        return runView(caller, adminRun(caller, programId, runId));
    }

    /** A page of a run's pairs in the order the run made them, each with its people's names (admins only). */
    @Transactional(readOnly = true)
    public Page<PairView> pairs(Caller caller, UUID programId, UUID runId, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Integer::parseInt, FIRST_IN_RUN);
        return pairs(caller, adminRun(caller, programId, runId), after, limit);
    }

    /** A page of a run's trios in the order the run made them, each with its people's names (admins only). */
    @Transactional(readOnly = true)
    public Page<TrioView> trios(Caller caller, UUID programId, UUID runId, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Integer::parseInt, FIRST_IN_RUN);
        Run run = adminRun(caller, programId, runId);
        Page<Proposal> page = runPage(caller, run, ProposalKind.TRIO, after, limit);
        Map<UUID, Person> named = namesOf(caller, page.items().stream().flatMap(p -> p.memberIds().stream()));
        return page.map(p -> new TrioView(
                p.pairs().get(0),
                p.pairs().get(1),
                p.pairs().get(2),
                p.memberIds(),
                p.memberIds().stream().map(id -> nameOf(named, id)).toList(),
                p.id(),
                p.status()));
    }

    /**
     * A page of the people a run left unmatched, in the run's order, each with their name and the
     * coach offered to them (admins only).
     */
    @Transactional(readOnly = true)
    public Page<UnmatchedView> unmatched(Caller caller, UUID programId, UUID runId, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Integer::parseInt, FIRST_IN_RUN);
        Run run = adminRun(caller, programId, runId);
        Page<Unmatched> page = Page.of(
                proposals.unmatched(run.id(), after, limit + 1),
                limit,
                left -> new Cursor(String.valueOf(left.position()), left.personId()));
        List<UUID> left = page.items().stream().map(Unmatched::personId).toList();
        Map<UUID, CoachOffer> offers = proposals.coachOffers(run.id(), left);
        Map<UUID, Person> named = namesOf(
                caller,
                java.util.stream.Stream.concat(
                        left.stream(), offers.values().stream().map(CoachOffer::coachId)));
        return page.map(person -> {
            CoachOffer offer = offers.get(person.personId());
            return new UnmatchedView(
                    person.personId(),
                    nameOf(named, person.personId()),
                    offer == null
                            ? null
                            : new CoachOfferView(
                                    person.personId(),
                                    offer.coachId(),
                                    nameOf(named, offer.coachId()),
                                    offer.proposalId(),
                                    offer.status()));
        });
    }

    private Run adminRun(Caller caller, UUID programId, UUID runId) {
        Program program = program(caller, programId);
        people.requireAdmin(caller);
        return proposals
                .findRun(caller.organizationId(), program.id(), runId)
                .orElseThrow(() -> new NotFoundException("Run"));
    }

    private RunView runView(Caller caller, Run run) {
        Page<PairView> pairs = pairs(caller, run, FIRST_IN_RUN, Page.DEFAULT);
        return new RunView(
                run.id(),
                run.programId(),
                proposals.counts(run.id()),
                run.totalScore(),
                pairs.items(),
                pairs.next(),
                run.createdAt());
    }

    private Page<PairView> pairs(Caller caller, Run run, Cursor after, int limit) {
        Page<Proposal> page = runPage(caller, run, ProposalKind.PAIR, after, limit);
        Map<UUID, Person> named = namesOf(caller, page.items().stream().flatMap(p -> p.memberIds().stream()));
        return page.map(p -> {
            Pair pair = p.pairs().get(0);
            return new PairView(
                    pair.a(),
                    nameOf(named, pair.a()),
                    pair.b(),
                    nameOf(named, pair.b()),
                    pair.score(),
                    pair.reasons(),
                    p.id(),
                    p.status());
        });
    }

    private Page<Proposal> runPage(Caller caller, Run run, ProposalKind kind, Cursor after, int limit) {
        return Page.of(
                proposals.ofRun(caller.organizationId(), run.id(), kind, after, limit + 1),
                limit,
                p -> new Cursor(String.valueOf(p.position()), p.id()));
    }

    // --- proposals ---------------------------------------------------------------------------

    /**
     * A page of the caller's proposals and coach offers, newest first: the page after {@code
     * cursor} (null: the first), at most {@code limit}; a forged cursor answers 400.
     */
    @Transactional(readOnly = true)
    public Page<ProposalView> proposals(Caller caller, String cursor, int limit) {
        Cursor before = Cursor.orStart(cursor, MatchingPrograms::storableInstant, NEWEST);
        member(caller);
        Page<Proposal> page = Page.of(
                proposals.of(caller.organizationId(), caller.personId(), before, limit + 1),
                limit,
                p -> newest(p.createdAt(), p.id()));
        return new Page<>(proposalViews(caller, page.items()), page.next());
    }

    /** One of the caller's proposals; anyone else's answers 404. */
    @Transactional(readOnly = true)
    public ProposalView proposal(Caller caller, UUID proposalId) {
        member(caller);
        return proposalViews(caller, List.of(mine(caller, proposalId))).get(0);
    }

    /**
     * Accepts a proposal; once everyone in it has, their partnerships are formed (a trio's three,
     * a coach's one). When the rules of partnerships no longer allow one of its pairs, the proposal
     * is withdrawn instead, its people told without the reason (it may be a private declaration),
     * and they take part in the next run.
     */
    @Transactional
    public ProposalView accept(Caller caller, UUID proposalId) {
        Proposal proposal = lockedPending(caller, proposalId);
        Instant now = clock.instant();
        if (!stillAllowed(caller.organizationId(), proposal)) {
            proposals.close(proposal.id(), ProposalStatus.WITHDRAWN, now);
            events.publishEvent(new MatchWithdrawn(
                    caller.organizationId(), proposal.id(), programName(caller, proposal), proposal.memberIds()));
            return proposal(caller, proposalId);
        }
        proposals.answer(proposal.id(), caller.personId(), ProposalRows.ACCEPTED, now);
        boolean everyone = proposal.members().stream()
                .allMatch(m -> m.personId().equals(caller.personId()) || ProposalRows.ACCEPTED.equals(m.answer()));
        if (everyone) {
            form(caller.organizationId(), proposal);
            proposals.close(proposal.id(), ProposalStatus.ACCEPTED, now);
            events.publishEvent(new MatchAccepted(
                    caller.organizationId(), proposal.id(), programName(caller, proposal), proposal.memberIds()));
        }
        return proposal(caller, proposalId);
    }

    /** Declines a proposal: it closes, and its people take part in the program's next run. */
    @Transactional
    public ProposalView decline(Caller caller, UUID proposalId) {
        Proposal proposal = lockedPending(caller, proposalId);
        Instant now = clock.instant();
        proposals.answer(proposal.id(), caller.personId(), ProposalRows.DECLINED, now);
        proposals.close(proposal.id(), ProposalStatus.DECLINED, now);
        List<UUID> others = proposal.memberIds().stream()
                .filter(id -> !id.equals(caller.personId()))
                .toList();
        events.publishEvent(
                new MatchDeclined(caller.organizationId(), proposal.id(), programName(caller, proposal), others));
        return proposal(caller, proposalId);
    }

    private Proposal lockedPending(Caller caller, UUID proposalId) {
        member(caller);
        Proposal proposal = mine(caller, proposalId);
        if (!proposals.lockPending(proposal.id())) {
            throw new ConflictException(
                    "This match was already " + proposal.status().name().toLowerCase() + ".");
        }
        // read again under the lock: an answer given meanwhile counts
        return mine(caller, proposalId);
    }

    private boolean stillAllowed(UUID organization, Proposal proposal) {
        List<UUID> ids = proposal.memberIds();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                if (!partnering.canFormFromMatch(organization, ids.get(i), ids.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    private void form(UUID organization, Proposal proposal) {
        List<UUID> ids = proposal.memberIds();
        if (proposal.kind() == ProposalKind.COACH) {
            partnering.formFromMatch(organization, ids.get(0), ids.get(1), PartnershipKind.COACH, null);
            return;
        }
        Cadence cadence = commonCadence(proposal);
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                partnering.formFromMatch(organization, ids.get(i), ids.get(j), PartnershipKind.PEER, cadence);
            }
        }
    }

    // the cadence everyone in it prefers, or none (the partnership's default) when they differ
    private Cadence commonCadence(Proposal proposal) {
        Set<Cadence> preferred = new LinkedHashSet<>();
        for (UUID person : proposal.memberIds()) {
            preferred.add(programs.profile(proposal.programId(), person)
                    .map(Profile::preferredCadence)
                    .orElse(null));
        }
        return preferred.size() == 1 ? preferred.iterator().next() : null;
    }

    private Proposal mine(Caller caller, UUID proposalId) {
        return proposals
                .find(caller.organizationId(), proposalId)
                .filter(p -> p.involves(caller.personId()))
                .orElseThrow(() -> new NotFoundException("Match"));
    }

    private String programName(Caller caller, Proposal proposal) {
        return programs.names(caller.organizationId(), List.of(proposal.programId()))
                .getOrDefault(proposal.programId(), SOME_PROGRAM);
    }

    // the views of a page of proposals, their people's and programs' names read once for all
    private List<ProposalView> proposalViews(Caller caller, List<Proposal> page) {
        Map<UUID, Person> members = namesOf(caller, page.stream().flatMap(p -> p.memberIds().stream()));
        Map<UUID, String> programNames = programs.names(
                caller.organizationId(), page.stream().map(Proposal::programId).collect(Collectors.toSet()));
        return page.stream()
                .map(p -> proposalView(caller, p, members, programNames.getOrDefault(p.programId(), SOME_PROGRAM)))
                .toList();
    }

    private ProposalView proposalView(Caller caller, Proposal p, Map<UUID, Person> members, String programName) {
        List<MemberView> people = new ArrayList<>();
        List<UUID> ids = p.memberIds();
        for (int i = 0; i < ids.size(); i++) {
            boolean coach = p.kind() == ProposalKind.COACH && i == 1;
            people.add(new MemberView(
                    ids.get(i),
                    nameOf(members, ids.get(i)),
                    coach,
                    p.members().get(i).answer()));
        }
        List<String> reasons = p.pairs().stream()
                .flatMap(pair -> pair.reasons().stream())
                .distinct()
                .toList();
        return new ProposalView(
                p.id(),
                p.programId(),
                programName,
                p.kind(),
                p.status(),
                people,
                reasons,
                p.answerOf(caller.personId()),
                p.createdAt());
    }

    // --- shared ------------------------------------------------------------------------------

    private ProgramView view(Program program, Person viewer) {
        return views(List.of(program), viewer).get(0);
    }

    // the views of a page of programs: their participants, the viewer's place in them and their
    // coaches' names read once for all
    private List<ProgramView> views(List<Program> page, Person viewer) {
        List<UUID> ids = page.stream().map(Program::id).toList();
        Map<UUID, Long> participants = programs.participantCounts(ids);
        Set<UUID> joined = programs.joinedBy(viewer.getId(), ids);
        Map<UUID, Person> coaches = people.peopleIn(
                viewer.getOrganizationId(),
                page.stream().flatMap(p -> p.coachIds().stream()).collect(Collectors.toSet()));
        Instant now = clock.instant();
        return page.stream()
                .map(program -> new ProgramView(
                        program.id(),
                        program.name(),
                        program.teamIds(),
                        program.optInUntil(),
                        program.openAt(now),
                        program.rules(),
                        program.weights(),
                        program.coachIds().stream()
                                .map(id -> new PersonRef(id, nameOf(coaches, id)))
                                .toList(),
                        participants.getOrDefault(program.id(), 0L),
                        joined.contains(program.id()),
                        mayJoin(program, viewer),
                        program.createdAt()))
                .toList();
    }

    private static ProfileView profileView(UUID programId, Profile profile) {
        return new ProfileView(
                programId,
                profile.personId(),
                profile.strengths(),
                profile.growthAreas(),
                List.copyOf(profile.respects()),
                profile.timeZone(),
                profile.preferredCadence(),
                profile.joinedAt(),
                profile.updatedAt());
    }

    private static boolean mayJoin(Program program, Person person) {
        return !person.isGuest()
                && (program.teamIds().isEmpty()
                        || (person.getTeamId() != null && program.teamIds().contains(person.getTeamId())));
    }

    private static void requireMayJoin(Program program, Person person) {
        if (!mayJoin(program, person)) {
            throw new ForbiddenException("This program is open to members of some teams only, and yours is not one.");
        }
    }

    private Program program(Caller caller, UUID programId) {
        member(caller);
        return programs.find(caller.organizationId(), programId).orElseThrow(() -> new NotFoundException("Program"));
    }

    // guests take no part in programs: every request of theirs answers as if there were none
    private Person member(Caller caller) {
        Person me = people.me(caller);
        if (me.isGuest()) {
            throw new NotFoundException("Program");
        }
        return me;
    }

    // a run matches everyone waiting in the program, so it reads every member once
    // deactivated people are neither matched nor offered as coaches
    private Map<UUID, Person> everyMemberById(Caller caller) {
        return people.people(caller).stream()
                .filter(person -> !person.isDeactivated())
                .collect(Collectors.toMap(Person::getId, Function.identity()));
    }

    /**
     * Takes someone who was deactivated out of every program they opted in to, in the transaction
     * that deactivates them: no run proposes them again. Every match proposed with them that still
     * waits for answers is withdrawn, and the others in it are told (they take part in the next run).
     */
    @EventListener
    void on(PersonDeactivated deactivated) {
        for (UUID programId : programs.programsOf(deactivated.personId())) {
            programs.remove(programId, deactivated.personId());
        }
        Instant now = clock.instant();
        for (Proposal proposal : proposals.pendingOf(deactivated.organizationId(), deactivated.personId())) {
            if (!proposals.lockPending(proposal.id())) {
                continue;
            }
            proposals.close(proposal.id(), ProposalStatus.WITHDRAWN, now);
            List<UUID> others = proposal.memberIds().stream()
                    .filter(id -> !id.equals(deactivated.personId()))
                    .toList();
            String program = programs.names(deactivated.organizationId(), List.of(proposal.programId()))
                    .getOrDefault(proposal.programId(), SOME_PROGRAM);
            events.publishEvent(new MatchWithdrawn(deactivated.organizationId(), proposal.id(), program, others));
        }
    }

    // the people of a page, read in one statement
    private Map<UUID, Person> namesOf(Caller caller, java.util.stream.Stream<UUID> ids) {
        return people.peopleIn(caller.organizationId(), ids.collect(Collectors.toSet()));
    }

    private static String nameOf(Map<UUID, Person> members, UUID id) {
        Person person = members.get(id);
        return person == null ? "someone" : person.getName();
    }

    private List<UUID> requireMembers(Caller caller, Collection<UUID> ids, String field) {
        Set<UUID> unique = new LinkedHashSet<>(orEmpty(ids));
        if (unique.contains(null)) {
            throw new RuleViolationException("UNKNOWN_PERSON", field, "There is no such person in this organization.");
        }
        Map<UUID, Person> found = people.peopleIn(caller.organizationId(), unique);
        for (UUID id : unique) {
            if (!found.containsKey(id)
                    || found.get(id).isGuest()
                    || found.get(id).isDeactivated()) {
                throw new RuleViolationException(
                        "UNKNOWN_PERSON", field, "There is no such person in this organization.");
            }
        }
        return List.copyOf(unique);
    }

    private static String zone(String zone) {
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException unknown) {
            throw new RuleViolationException("UNKNOWN_TIME_ZONE", "timeZone", "There is no such time zone: " + zone);
        }
    }

    private static <T> Collection<T> orEmpty(Collection<T> items) {
        return items == null ? List.of() : items;
    }
}
