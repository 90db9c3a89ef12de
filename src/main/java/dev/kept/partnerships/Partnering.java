package dev.kept.partnerships;

import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.Teams;
import dev.kept.shared.Cursor;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may be partnered with whom, and who would fit: the candidates a member could invite, ranked
 * by fit; the private declarations of competitors (only the declarer ever reads their own); the
 * pairs a matching program must avoid; and a partnership formed from a program's match under the
 * same rules as an invitation. A partnership's life is {@link Partnerships}'.
 */
@Service
public class Partnering {

    private final Partnerships partnerships;
    private final PartnershipRepository repository;
    private final Competitors competitors;
    private final CandidateQueries candidateQueries;
    private final People people;
    private final Teams orgTeams;
    private final Clock clock;

    Partnering(
            Partnerships partnerships,
            PartnershipRepository repository,
            Competitors competitors,
            CandidateQueries candidateQueries,
            People people,
            Teams orgTeams,
            Clock clock) {
        this.partnerships = partnerships;
        this.repository = repository;
        this.competitors = competitors;
        this.candidateQueries = candidateQueries;
        this.people = people;
        this.orgTeams = orgTeams;
        this.clock = clock;
    }

    private static final int MOST_COMPETITORS = 200;

    /** The people the caller declared competitors: only the caller ever reads this. */
    @Transactional(readOnly = true)
    public List<UUID> competitors(Caller caller) {
        return competitors.declaredBy(caller.organizationId(), caller.personId());
    }

    /**
     * Replaces the caller's competitor declarations; the caller's open invitations to anyone now
     * declared are withdrawn.
     */
    @Transactional
    public List<UUID> declareCompetitors(Caller caller, Collection<UUID> personIds) {
        Set<UUID> unique = new LinkedHashSet<>(personIds);
        if (unique.size() > MOST_COMPETITORS) {
            throw new RuleViolationException(
                    "TOO_MANY", "personIds", "At most " + MOST_COMPETITORS + " people can be declared competitors.");
        }
        if (unique.contains(null)) {
            throw new RuleViolationException("UNKNOWN_PERSON", "personIds", "A person id is missing.");
        }
        if (unique.contains(caller.personId())) {
            throw new RuleViolationException("SELF", "personIds", "You cannot declare yourself a competitor.");
        }
        // the people declared, read in one statement whatever their number
        Map<UUID, Person> found = people.peopleIn(caller.organizationId(), unique);
        for (UUID id : unique) {
            Person person = found.get(id);
            if (person == null || person.isGuest()) {
                throw new RuleViolationException(
                        "UNKNOWN_PERSON", "personIds", "There is no such person in this organization.");
            }
        }
        Instant now = clock.instant();
        competitors.replace(caller.organizationId(), caller.personId(), unique, now);
        // an invitation of one's own to someone one now declares is withdrawn, as the inviter could
        // do by hand: left open, its refusal on acceptance would tell the other side of the declaration
        for (Partnership invitation : partnerships.knownTo(caller)) {
            if (invitation.getStatus() == PartnershipStatus.INVITED
                    && invitation.getInviterId().equals(caller.personId())
                    && unique.contains(invitation.getPartnerId())) {
                invitation.end(caller.personId(), caller.name(), now);
                partnerships.save(invitation);
            }
        }
        return competitors(caller);
    }

    /**
     * The pairs of people of an organization who may never be partners because one of them
     * declared the other a competitor. For a caller that pairs many people at once (a matching
     * program); the answer never says who declared whom, and must never be shown to anyone.
     */
    @Transactional(readOnly = true)
    public Set<Set<UUID>> competingPairs(UUID organizationId) {
        return competitors.pairs(organizationId);
    }

    /**
     * The pairs of people of an organization with a partnership between them: {@code open} ones
     * (invited, active, paused or suspended), or else every one that was ever accepted, open or
     * closed since.
     */
    @Transactional(readOnly = true)
    public Set<Set<UUID>> partneredPairs(UUID organizationId, boolean open) {
        Set<Set<UUID>> pairs = new HashSet<>();
        for (Partnership p : repository.findByOrganizationId(organizationId)) {
            if (open ? p.getStatus().isOpen() : p.getAcceptedAt() != null) {
                pairs.add(Set.of(p.getInviterId(), p.getPartnerId()));
            }
        }
        return pairs;
    }

    /**
     * Forms an active partnership two members agreed to through a matching program, under the same
     * rules as an invitation: not oneself, not the reporting line, not two people with an open
     * partnership, not a declared competitor (422 with the reason). For a coach, {@code inviterId}
     * is the person coached.
     */
    @Transactional
    public UUID formFromMatch(
            UUID organizationId, UUID inviterId, UUID partnerId, PartnershipKind kind, Cadence cadence) {
        requireMatchable(organizationId, inviterId, partnerId);
        Partnership partnership = Partnership.fromMatch(
                organizationId,
                inviterId,
                partnerId,
                kind,
                cadence == null ? Cadence.BIWEEKLY : cadence,
                clock.instant());
        try {
            return partnerships.save(partnership).getId();
        } catch (DuplicateKeyException race) {
            throw Partnerships.duplicate();
        }
    }

    /**
     * Whether {@link #formFromMatch} would form this pair now: a match made by a program can stop
     * being possible before everyone accepts it (a new manager, a new partnership, a declaration).
     */
    @Transactional(readOnly = true)
    public boolean canFormFromMatch(UUID organizationId, UUID a, UUID b) {
        try {
            requireMatchable(organizationId, a, b);
            return true;
        } catch (RuleViolationException broken) {
            return false;
        }
    }

    private void requireMatchable(UUID organizationId, UUID a, UUID b) {
        for (UUID person : List.of(a, b)) {
            if (people.personIn(organizationId, person)
                    .filter(found -> !found.isGuest())
                    .isEmpty()) {
                throw new RuleViolationException(
                        "UNKNOWN_PERSON", "partnerId", "There is no such person in this organization.");
            }
        }
        partnerships.requireEligible(organizationId, a, b, true);
    }

    /**
     * A page of the members the caller could invite, as far as the caller can know, each with a fit
     * hint: the best fits first (more good signs than reasons to consider someone else), then by
     * name and id; only those whose name contains {@code q} (any case) when it is not blank. The
     * database ranks the organization, so the caller's organization is never read whole.
     */
    @Transactional(readOnly = true)
    public Page<FitHint> candidates(Caller caller, String q, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, CandidateQueries.Position::parse, null);
        Person me = people.me(caller);
        if (me.isGuest()) {
            return new Page<>(List.of(), null);
        }
        String part = q == null || q.isBlank() ? null : q.strip();
        Set<UUID> excluded = new HashSet<>(competitors(caller));
        for (Partnership p : partnerships.knownTo(caller)) {
            if (p.getStatus().isOpen()) {
                excluded.add(p.other(me.getId()));
            }
        }
        List<FitHint> rows = candidateQueries.page(me, excluded, part, after, limit + 1).stream()
                .map(profile -> Fit.hint(me, profile))
                .toList();
        return Page.of(
                rows,
                limit,
                last -> new Cursor(CandidateQueries.Position.of(last).text(), last.personId()));
    }

    /** The fit hint for one member of the caller's organization. */
    @Transactional(readOnly = true)
    public FitHint fit(Caller caller, UUID personId) {
        Person other = people.person(caller, personId);
        String teamName = other.getTeamId() == null
                ? null
                : orgTeams.team(caller, other.getTeamId()).getName();
        return Fit.hint(people.me(caller), Fit.Profile.of(other, teamName));
    }
}
