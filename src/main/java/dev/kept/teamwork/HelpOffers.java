package dev.kept.teamwork;

import dev.kept.moves.EverydayMove;
import dev.kept.moves.MoveRows;
import dev.kept.moves.MoveSource;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Teams;
import dev.kept.shared.Cursor;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers of help: a member offers information, ideas, resources or time to another member or to a
 * team, maybe with one of their goals or commitments. The person offered it (for a team, any of
 * its members) accepts or declines; the offerer may withdraw it while it waits. An offer is seen by
 * its offerer and its recipients; accepted help with a goal or commitment is also shown to whoever
 * may see that goal or commitment. Guests (outside partners) take no part: for them it does not
 * exist.
 */
@Service
public class HelpOffers implements MoveSource {

    private final HelpOfferRepository offers;
    private final Targets targets;
    private final People people;
    private final Teams orgTeams;
    private final Clock clock;
    private final JdbcClient jdbc;

    HelpOffers(
            HelpOfferRepository offers, Targets targets, People people, Teams orgTeams, Clock clock, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.offers = offers;
        this.targets = targets;
        this.people = people;
        this.orgTeams = orgTeams;
        this.clock = clock;
    }

    @Transactional
    public HelpOfferView offer(Caller caller, HelpOfferDraft draft) {
        if (targets.isGuest(caller)) {
            throw new ForbiddenException("A guest cannot offer help in the organization.");
        }
        if ((draft.toPersonId() == null) == (draft.toTeamId() == null)) {
            throw new RuleViolationException(
                    "RECIPIENT", "toPersonId", "Offer help either to a person (toPersonId) or to a team (toTeamId).");
        }
        if (draft.toPersonId() != null) {
            if (draft.toPersonId().equals(caller.personId())) {
                throw new RuleViolationException("SELF", "toPersonId", "You cannot offer help to yourself.");
            }
            people.personIn(caller.organizationId(), draft.toPersonId())
                    .filter(person -> !person.isGuest())
                    .orElseThrow(() -> new RuleViolationException(
                            "UNKNOWN_PERSON", "toPersonId", "There is no such person in this organization."));
        } else if (orgTeams.teams(caller).stream().noneMatch(t -> t.getId().equals(draft.toTeamId()))) {
            throw new RuleViolationException("UNKNOWN_TEAM", "toTeamId", "There is no such team in this organization.");
        }
        if ((draft.targetType() == null) != (draft.targetId() == null)) {
            throw new RuleViolationException(
                    "TARGET",
                    "targetId",
                    "Name both the kind of thing (targetType) and its id (targetId), or neither.");
        }
        if (draft.targetType() == TargetType.EXPECTATION) {
            throw new RuleViolationException(
                    "TARGET_TYPE", "targetType", "Help is offered with a goal or a commitment (GOAL or COMMITMENT).");
        }
        if (draft.targetType() != null) {
            Target target = targets.visible(caller, draft.targetType(), draft.targetId())
                    .orElseThrow(() -> new RuleViolationException(
                            "UNKNOWN_TARGET", "targetId", "There is no such " + noun(draft.targetType()) + "."));
            requireTheirs(caller, target, draft.toPersonId(), draft.toTeamId());
        }
        HelpOffer offer = HelpOffer.make(
                caller.organizationId(),
                caller.personId(),
                caller.name(),
                new HelpOffer.Terms(
                        draft.toPersonId(),
                        draft.toTeamId(),
                        draft.kind(),
                        draft.what().strip(),
                        draft.targetType(),
                        draft.targetId(),
                        null),
                recipients(caller, draft.toPersonId(), draft.toTeamId()),
                clock.instant());
        return view(offers.save(offer), caller, new Names(people, orgTeams, targets, caller));
    }

    /** Help offered with a jeopardy flag: to whoever the target's help goes to. */
    HelpOffer offerWithFlag(Caller caller, Target target, HelpKind kind, String what, UUID flagId) {
        UUID person = target.helpPerson();
        UUID team = target.helpPerson() == null ? target.helpTeam() : null;
        Set<UUID> recipients = person == null && team == null ? Set.of() : recipients(caller, person, team);
        if (recipients.isEmpty() || caller.personId().equals(person)) {
            throw new RuleViolationException(
                    "NO_ONE_TO_HELP",
                    "help",
                    "There is nobody else to offer help to on this " + noun(target.type()) + ".");
        }
        return offers.save(HelpOffer.make(
                caller.organizationId(),
                caller.personId(),
                caller.name(),
                new HelpOffer.Terms(person, team, kind, what.strip(), target.type(), target.id(), flagId),
                recipients,
                clock.instant()));
    }

    /**
     * The offers the caller made, or that were made to them or to their team; waiting ones first,
     * newest first (then by id): the page after {@code cursor} (null: the first), at most {@code
     * limit}. A forged cursor answers 400.
     */
    @Transactional(readOnly = true)
    public Page<HelpOfferView> mine(Caller caller, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Ranked::parse, null);
        requireMember(caller);
        Set<UUID> mine = myTeams(caller);
        List<UUID> teams = new ArrayList<>(mine);
        if (teams.isEmpty()) {
            teams.add(new UUID(0, 0));
        }
        List<HelpOffer> rows;
        if (after == null) {
            rows = offers.findInvolving(caller.organizationId(), caller.personId(), teams, limit + 1);
        } else {
            Ranked at = Ranked.parse(after.position());
            rows = offers.findInvolvingAfter(
                    caller.organizationId(),
                    caller.personId(),
                    teams,
                    at.rank(),
                    java.sql.Timestamp.from(at.at()),
                    after.id(),
                    limit + 1);
        }
        Page<HelpOffer> page = Page.of(
                rows,
                limit,
                o -> new Cursor(
                        new Ranked(o.getStatus() == HelpStatus.PENDING ? 0 : 1, o.getCreatedAt()).text(), o.getId()));
        Names names = names(caller, page.items());
        return page.map(offer -> view(offer, caller, names, mine));
    }

    @Transactional(readOnly = true)
    public HelpOfferView get(Caller caller, UUID id) {
        return view(readable(caller, id), caller, new Names(people, orgTeams, targets, caller));
    }

    @Transactional
    public HelpOfferView accept(Caller caller, UUID id) {
        HelpOffer offer = answerable(caller, id);
        offer.accept(caller.personId(), caller.name(), clock.instant());
        return save(offer, caller);
    }

    @Transactional
    public HelpOfferView decline(Caller caller, UUID id, String reason) {
        HelpOffer offer = answerable(caller, id);
        offer.decline(caller.personId(), caller.name(), clean(reason), clock.instant());
        return save(offer, caller);
    }

    @Transactional
    public HelpOfferView withdraw(Caller caller, UUID id) {
        HelpOffer offer = readable(caller, id);
        if (!offer.getOfferedBy().equals(caller.personId())) {
            throw new ForbiddenException("Only who offered the help withdraws it.");
        }
        offer.withdraw(clock.instant());
        return save(offer, caller);
    }

    /**
     * The accepted help on these goals, commitments or expectations that the caller may see: help
     * on the ones the caller may see now, and help they offered or received themselves; of the
     * {@code most} last accepted on them.
     */
    @Transactional(readOnly = true)
    public List<HelpOfferView> acceptedOn(Caller caller, TargetType type, Collection<UUID> ids, int most) {
        if (ids.isEmpty() || targets.isGuest(caller)) {
            return List.of();
        }
        List<HelpOffer> found = offers.findAcceptedOn(caller.organizationId(), type.name(), ids, most);
        if (found.isEmpty()) {
            return List.of();
        }
        Set<UUID> teams = myTeams(caller);
        Names names = names(caller, found);
        return found.stream()
                .filter(offer -> names.target(type, offer.getTargetId()).isPresent() || involves(caller, offer, teams))
                .map(offer -> view(offer, caller, names, teams))
                .toList();
    }

    /** Names for a page of offers: their people and their targets read for the whole page at once. */
    private Names names(Caller caller, List<HelpOffer> page) {
        Names names = new Names(people, orgTeams, targets, caller);
        names.preload(page.stream()
                .flatMap(o -> java.util.stream.Stream.of(o.getOfferedBy(), o.getToPersonId(), o.getAnsweredBy()))
                .toList());
        names.preloadTargets(Names.targetsOf(page, HelpOffer::getTargetType, HelpOffer::getTargetId));
        return names;
    }

    /** The same moves made by these people only (null: by anyone), read in SQL. */
    @Override
    @Transactional(readOnly = true)
    public List<EverydayMove> moves(UUID organizationId, Instant from, Instant to, Collection<UUID> personIds) {
        return MoveRows.between(
                jdbc,
                EverydayMove.Kind.OFFER_HELP,
                "help_offer",
                "offered_by",
                null,
                organizationId,
                from,
                to,
                personIds);
    }

    /** A commitment's help goes to its owner or a co-owner; a goal's to its team or someone in it. */
    private void requireTheirs(Caller caller, Target target, UUID person, UUID team) {
        boolean theirs = switch (target.type()) {
            case COMMITMENT -> person != null && target.owners().contains(person);
            case GOAL -> {
                if (team != null) {
                    yield team.equals(target.teamId());
                }
                UUID personsTeam =
                        orgTeams.teamOf(caller.organizationId(), person).orElse(null);
                yield target.owners().contains(person)
                        || (target.teamId() != null && target.teamId().equals(personsTeam));
            }
            case EXPECTATION -> false;
        };
        if (!theirs) {
            throw new RuleViolationException(
                    "NOT_THEIRS",
                    "targetId",
                    target.type() == TargetType.COMMITMENT
                            ? "Help with a commitment goes to its owner or a co-owner."
                            : "Help with a goal goes to its team, or to someone in it.");
        }
    }

    private Set<UUID> recipients(Caller caller, UUID person, UUID team) {
        Set<UUID> recipients = new LinkedHashSet<>();
        if (person != null) {
            recipients.add(person);
        } else {
            recipients.addAll(targets.teamMembers(caller, team));
        }
        recipients.remove(caller.personId());
        return recipients;
    }

    private HelpOffer answerable(Caller caller, UUID id) {
        HelpOffer offer = readable(caller, id);
        if (!isRecipient(caller, offer, myTeams(caller))) {
            throw new ForbiddenException("Only the person or a member of the team offered the help answers it.");
        }
        return offer;
    }

    private HelpOffer readable(Caller caller, UUID id) {
        requireMember(caller);
        HelpOffer offer = offers.findByIdAndOrganizationId(id, caller.organizationId())
                .orElseThrow(() -> new NotFoundException("Help offer"));
        if (involves(caller, offer, myTeams(caller))) {
            return offer;
        }
        if (offer.getStatus() == HelpStatus.ACCEPTED
                && offer.getTargetType() != null
                && targets.visible(caller, offer.getTargetType(), offer.getTargetId())
                        .isPresent()) {
            return offer;
        }
        throw new NotFoundException("Help offer");
    }

    private static boolean involves(Caller caller, HelpOffer offer, Set<UUID> teams) {
        return offer.getOfferedBy().equals(caller.personId()) || isRecipient(caller, offer, teams);
    }

    private static boolean isRecipient(Caller caller, HelpOffer offer, Set<UUID> teams) {
        return caller.personId().equals(offer.getToPersonId())
                || (offer.getToTeamId() != null && teams.contains(offer.getToTeamId()));
    }

    /** The teams the caller is in or leads. */
    private Set<UUID> myTeams(Caller caller) {
        Set<UUID> teams = new LinkedHashSet<>();
        orgTeams.teamOf(caller.organizationId(), caller.personId()).ifPresent(teams::add);
        orgTeams.teams(caller).stream()
                .filter(team -> caller.personId().equals(team.getLeadId()))
                .forEach(team -> teams.add(team.getId()));
        return teams;
    }

    private void requireMember(Caller caller) {
        if (targets.isGuest(caller)) {
            throw new NotFoundException("Help offer");
        }
    }

    private HelpOfferView save(HelpOffer offer, Caller caller) {
        try {
            return view(offers.save(offer), caller, new Names(people, orgTeams, targets, caller));
        } catch (OptimisticLockingFailureException concurrent) {
            throw new dev.kept.shared.ConflictException(
                    "This offer of help was answered at the same time; reload it and try again.");
        }
    }

    HelpOfferView view(HelpOffer o, Caller caller, Names names) {
        return view(o, caller, names, myTeams(caller));
    }

    private HelpOfferView view(HelpOffer o, Caller caller, Names names, Set<UUID> teams) {
        boolean pending = o.getStatus() == HelpStatus.PENDING;
        String targetTitle = o.getTargetType() == null
                ? null
                : names.target(o.getTargetType(), o.getTargetId())
                        .map(Target::title)
                        .orElse(null);
        return new HelpOfferView(
                o.getId(),
                o.getOfferedBy(),
                names.person(o.getOfferedBy()),
                o.getToPersonId(),
                o.getToPersonId() == null ? null : names.person(o.getToPersonId()),
                o.getToTeamId(),
                o.getToTeamId() == null ? null : names.team(o.getToTeamId()),
                o.getKind(),
                o.getWhat(),
                o.getTargetType(),
                o.getTargetId(),
                targetTitle,
                o.getFlagId(),
                o.getStatus(),
                o.getDeclineReason(),
                o.getAnsweredBy() == null ? null : names.person(o.getAnsweredBy()),
                o.getAnsweredAt(),
                o.getCreatedAt(),
                pending && isRecipient(caller, o, teams),
                pending && o.getOfferedBy().equals(caller.personId()));
    }

    static String noun(TargetType type) {
        return type.name().toLowerCase();
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
