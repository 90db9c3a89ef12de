package dev.kept.partnerships;

import dev.kept.people.Caller;
import dev.kept.people.Invitations;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.ReportingLineChanged;
import dev.kept.people.ReportingLines;
import dev.kept.people.Teams;
import dev.kept.shared.ConflictException;
import dev.kept.shared.Cursor;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import dev.kept.shared.StorableTime;
import dev.kept.shared.TransactionMemo;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partnerships module's entry: invitations under the rules, the life of a partnership, the
 * agreement, private competitor declarations and the fit hint. A partnership is seen by its two
 * people only; anyone else gets 404, as if it did not exist.
 *
 * <p>The rules, checked on invitation, acceptance and resumption: not oneself ({@code SELF}); not
 * anyone above or below in the reporting line at any depth ({@code REPORTING_LINE}); not two people
 * with an open partnership already ({@code DUPLICATE}); not anyone either side declared a
 * competitor ({@code NOT_ELIGIBLE}, worded so that nobody learns the other side declared it).
 */
@Service
public class Partnerships {

    /** The active links of a person, both ways, read once per transaction (the access rules ask often). */
    private static final TransactionMemo.Memo LINKS = new TransactionMemo.Memo("partnership links");

    static final String CONFIDENTIALITY = "What we share here stays between the two of us. Kept shows it to nobody"
            + " else: not our managers, not the admins, not our colleagues. Each of us can pause or end this"
            + " partnership at any time, and ending it takes effect at once.";

    private static final int MOST_COMPETITORS = 200;

    private final PartnershipRepository partnerships;
    private final Competitors competitors;
    private final CandidateQueries candidateQueries;
    private final People people;
    private final Invitations invites;
    private final Teams orgTeams;
    private final PartnershipProperties properties;
    private final Clock clock;

    Partnerships(
            PartnershipRepository partnerships,
            Competitors competitors,
            CandidateQueries candidateQueries,
            People people,
            Invitations invites,
            Teams orgTeams,
            PartnershipProperties properties,
            Clock clock) {
        this.partnerships = partnerships;
        this.competitors = competitors;
        this.candidateQueries = candidateQueries;
        this.people = people;
        this.invites = invites;
        this.orgTeams = orgTeams;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Invites a member, or anyone by e-mail, to be the caller's partner. The invitation lapses
     * unanswered after {@code kept.partnerships.invitation-lapse}. An invitation that the invited
     * person's private competitor declaration blocks is made like any other (the inviter cannot
     * tell), but silenced: the invited person never sees it, and it lapses unanswered.
     */
    @Transactional
    public PartnershipView invite(Caller caller, PartnerInvitation invitation) {
        Person me = people.me(caller);
        if (me.isGuest()) {
            throw new ForbiddenException("A guest cannot invite partners; the member who invited you can.");
        }
        Person partner = partnerOf(caller, me, invitation);
        boolean silenced = requireInvitable(caller.organizationId(), me.getId(), partner.getId());
        // to the microsecond, as the database keeps it: a lapse read back is the lapse shown
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Partnership partnership = Partnership.invite(
                caller.organizationId(),
                me.getId(),
                me.getName(),
                partner.getId(),
                invitation.kind(),
                clean(invitation.message()),
                invitation.cadence() == null ? Cadence.BIWEEKLY : invitation.cadence(),
                clean(invitation.challengeMeOn()),
                now,
                now.plus(properties.invitationLapse()),
                silenced);
        try {
            return view(save(partnership), me.getId());
        } catch (DuplicateKeyException race) {
            throw duplicate();
        }
    }

    private Person partnerOf(Caller caller, Person me, PartnerInvitation invitation) {
        boolean byId = invitation.partnerId() != null;
        boolean byEmail = invitation.email() != null && !invitation.email().isBlank();
        if (byId && byEmail) {
            throw new RuleViolationException(
                    "PARTNER", "partnerId", "Name the partner either by partnerId or by email, not both.");
        }
        if (!byId && !byEmail) {
            throw new RuleViolationException("PARTNER", "partnerId", "Name the partner by partnerId or by email.");
        }
        if (byId) {
            if (invitation.partnerId().equals(me.getId())) {
                throw self();
            }
            return people.personIn(caller.organizationId(), invitation.partnerId())
                    .filter(person -> !person.isGuest())
                    .orElseThrow(() -> new RuleViolationException(
                            "UNKNOWN_PERSON", "partnerId", "There is no such person in this organization."));
        }
        if (invitation.email().strip().equalsIgnoreCase(me.getEmail())) {
            throw self();
        }
        return invites.partnerByEmail(caller, invitation.email());
    }

    // later than any partnership: where the newest-first list starts
    private static final Cursor NEWEST = new Cursor("9999-12-31T00:00:00Z", new UUID(-1L, -1L));

    /**
     * A page of the caller's partnerships, newest first; the cursor carries the creation time and
     * id of the last one of the page before (one that does not parse answers 400). The partners of
     * a page are read at once.
     */
    @Transactional(readOnly = true)
    public Page<PartnershipView> page(Caller caller, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Partnerships::storableInstant, NEWEST);
        List<Partnership> rows = partnerships.pageOf(
                caller.organizationId(), caller.personId(), Instant.parse(after.position()), after.id(), limit + 1);
        Map<UUID, Optional<Person>> persons = new java.util.HashMap<>();
        Map<UUID, Person> read = people.peopleIn(
                caller.organizationId(),
                rows.stream().map(p -> p.other(caller.personId())).collect(Collectors.toSet()));
        rows.forEach(p ->
                persons.put(p.other(caller.personId()), Optional.ofNullable(read.get(p.other(caller.personId())))));
        return Page.of(rows, limit, last -> new Cursor(last.getCreatedAt().toString(), last.getId()))
                .map(p -> view(p, caller.personId(), persons));
    }

    private static Instant storableInstant(String text) {
        Instant instant = Instant.parse(text);
        if (!StorableTime.contains(instant)) {
            throw new IllegalArgumentException("not a time the database keeps: " + text);
        }
        return instant;
    }

    /** The caller's partnerships, newest first. */
    @Transactional(readOnly = true)
    public List<PartnershipView> mine(Caller caller) {
        Map<UUID, Optional<Person>> persons = new java.util.HashMap<>();
        return knownTo(caller).stream()
                .map(p -> view(p, caller.personId(), persons))
                .toList();
    }

    @Transactional(readOnly = true)
    public PartnershipView get(Caller caller, UUID id) {
        return view(involving(caller, id), caller.personId());
    }

    @Transactional
    public PartnershipView accept(Caller caller, UUID id, String challengeMeOn, Cadence cadence) {
        Partnership partnership = involving(caller, id);
        if (partnership.getPartnerId().equals(caller.personId())
                && partnership.getStatus() == PartnershipStatus.INVITED) {
            requireEligible(caller.organizationId(), partnership.getInviterId(), partnership.getPartnerId(), false);
        }
        partnership.accept(caller.personId(), caller.name(), clean(challengeMeOn), cadence, clock.instant());
        return save(partnership, caller);
    }

    @Transactional
    public PartnershipView decline(Caller caller, UUID id) {
        Partnership partnership = involving(caller, id);
        partnership.decline(caller.personId(), caller.name(), clock.instant());
        return save(partnership, caller);
    }

    @Transactional
    public PartnershipView pause(Caller caller, UUID id) {
        Partnership partnership = involving(caller, id);
        partnership.pause(caller.personId(), caller.name(), clock.instant());
        return save(partnership, caller);
    }

    @Transactional
    public PartnershipView resume(Caller caller, UUID id) {
        Partnership partnership = involving(caller, id);
        if (partnership.getStatus() == PartnershipStatus.PAUSED
                || partnership.getStatus() == PartnershipStatus.SUSPENDED) {
            requireEligible(caller.organizationId(), partnership.getInviterId(), partnership.getPartnerId(), false);
        }
        partnership.resume(caller.personId(), caller.name(), clock.instant());
        return save(partnership, caller);
    }

    @Transactional
    public PartnershipView end(Caller caller, UUID id) {
        Partnership partnership = involving(caller, id);
        partnership.end(caller.personId(), caller.name(), clock.instant());
        return save(partnership, caller);
    }

    /**
     * Sends an outside partner who has not joined yet a new link (the inviter only, while the
     * invitation is open): the way to reach them once the first link expired or went astray.
     */
    @Transactional
    public PartnershipView resendInvitation(Caller caller, UUID id) {
        Partnership partnership = involving(caller, id);
        if (!partnership.getInviterId().equals(caller.personId())) {
            throw new ForbiddenException("Only the one who invited can send the invitation again.");
        }
        if (partnership.getStatus() != PartnershipStatus.INVITED) {
            throw new ConflictException("This invitation is no longer open.");
        }
        Person partner = people.personIn(caller.organizationId(), partnership.getPartnerId())
                .orElseThrow(() -> new NotFoundException("Partnership"));
        if (!partner.isGuest()) {
            throw new ConflictException(
                    partner.getName() + " is a member: they see the invitation in their inbox, no e-mail needed.");
        }
        invites.resendGuestInvitation(caller, partner.getId());
        return view(partnership, caller.personId());
    }

    /** The caller's own terms: what to challenge them on, and the cadence they prefer. */
    @Transactional
    public PartnershipView agree(Caller caller, UUID id, String challengeMeOn, Cadence cadence) {
        Partnership partnership = involving(caller, id);
        partnership.agree(caller.personId(), clean(challengeMeOn), cadence, clock.instant());
        return save(partnership, caller);
    }

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
        for (Partnership invitation : knownTo(caller)) {
            if (invitation.getStatus() == PartnershipStatus.INVITED
                    && invitation.getInviterId().equals(caller.personId())
                    && unique.contains(invitation.getPartnerId())) {
                invitation.end(caller.personId(), caller.name(), now);
                save(invitation);
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
        for (Partnership p : partnerships.findByOrganizationId(organizationId)) {
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
            return save(partnership).getId();
        } catch (DuplicateKeyException race) {
            throw duplicate();
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
        requireEligible(organizationId, a, b, true);
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
        for (Partnership p : knownTo(caller)) {
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

    /**
     * An active partnership and the person on its other end: the owner whose shares a viewer sees
     * ({@link #seenBy}), or the holder who sees an owner's ({@link #holdersOf}).
     */
    public record Link(UUID partnershipId, UUID ownerId) {}

    /**
     * The active partnerships through which a person sees others' shared commitments: peers both
     * ways, a coach or mentor the one who invited them.
     */
    @Transactional(readOnly = true)
    public List<Link> seenBy(UUID organizationId, UUID viewerId) {
        return TransactionMemo.get(
                LINKS,
                List.of("seen by", organizationId, viewerId),
                () -> partnerships.findOf(organizationId, viewerId).stream()
                        .filter(p -> p.getStatus() == PartnershipStatus.ACTIVE)
                        .filter(p -> p.holds(viewerId, p.other(viewerId)))
                        .map(p -> new Link(p.getId(), p.other(viewerId)))
                        .toList());
    }

    /**
     * The people who hold an owner accountable through an active partnership, each with that
     * partnership: who sees what the owner shares with partners.
     */
    @Transactional(readOnly = true)
    public List<Link> holdersOf(UUID organizationId, UUID ownerId) {
        return TransactionMemo.get(
                LINKS,
                List.of("holders of", organizationId, ownerId),
                () -> partnerships.findOf(organizationId, ownerId).stream()
                        .filter(p -> p.getStatus() == PartnershipStatus.ACTIVE)
                        .filter(p -> p.holds(p.other(ownerId), ownerId))
                        .map(p -> new Link(p.getId(), p.other(ownerId)))
                        .toList());
    }

    /**
     * The open partnerships a person can share commitments through (where the partner holds them
     * accountable), with the partner's name.
     */
    @Transactional(readOnly = true)
    public List<PartnershipView> sharable(Caller caller) {
        return mine(caller).stream()
                .filter(p -> p.status().isOpen() && p.theyHoldMe())
                .toList();
    }

    /**
     * The two people of a partnership and where it stands: {@code holdsInviter} and {@code
     * holdsPartner} say whose shared commitments the other side sees (both for peers; a coach or
     * mentor sees only the inviter's).
     */
    public record Pair(
            UUID id,
            UUID organizationId,
            UUID inviterId,
            UUID partnerId,
            PartnershipKind kind,
            PartnershipStatus status) {

        public boolean involves(UUID personId) {
            return inviterId.equals(personId) || partnerId.equals(personId);
        }

        public UUID other(UUID personId) {
            return inviterId.equals(personId) ? partnerId : inviterId;
        }

        /** Whether it is active: not invited, paused, suspended, declined or ended. */
        public boolean active() {
            return status == PartnershipStatus.ACTIVE;
        }

        /** Whether {@code owner}'s commitments shared here are seen by the other side. */
        public boolean isHeld(UUID owner) {
            return kind == PartnershipKind.PEER || owner.equals(inviterId);
        }
    }

    /** A partnership of the organization, for modules that act on a partnership's behalf. */
    @Transactional(readOnly = true)
    public Optional<Pair> pair(UUID organizationId, UUID partnershipId) {
        return partnerships
                .findByIdAndOrganizationId(partnershipId, organizationId)
                .map(Partnerships::pair);
    }

    /** The caller's partnerships of any status, as pairs. */
    @Transactional(readOnly = true)
    public List<Pair> pairsOf(Caller caller) {
        return knownTo(caller).stream().map(Partnerships::pair).toList();
    }

    private static Pair pair(Partnership p) {
        return new Pair(
                p.getId(), p.getOrganizationId(), p.getInviterId(), p.getPartnerId(), p.getKind(), p.getStatus());
    }

    /** What the owner asked to be challenged on, in one partnership of theirs. */
    @Transactional(readOnly = true)
    public Optional<String> challengeMeOn(UUID organizationId, UUID partnershipId, UUID ownerId) {
        return partnerships
                .findByIdAndOrganizationId(partnershipId, organizationId)
                .filter(p -> p.involves(ownerId))
                .map(p -> p.challengeOf(ownerId));
    }

    /**
     * Suspends, in the same transaction as the change, every partnership whose two people the new
     * reporting line puts in one line.
     */
    @EventListener
    void on(ReportingLineChanged changed) {
        ReportingLines lines = people.reportingLines(changed.organizationId());
        Instant now = clock.instant();
        for (Partnership partnership : partnerships.findByOrganizationIdAndStatusIn(
                changed.organizationId(), EnumSet.of(PartnershipStatus.ACTIVE, PartnershipStatus.PAUSED))) {
            if (lines.inOneLine(partnership.getInviterId(), partnership.getPartnerId()) && partnership.suspend(now)) {
                save(partnership);
            }
        }
    }

    private void requireEligible(UUID organizationId, UUID a, UUID b, boolean newInvitation) {
        requireOutsideReportingLine(organizationId, a, b);
        if (newInvitation && openBetween(organizationId, a, b)) {
            throw duplicate();
        }
        if (competitors.between(organizationId, a, b)) {
            throw notEligible();
        }
    }

    /**
     * The rules for a new invitation, in an order that tells the inviter nothing they do not know:
     * oneself, the reporting line, the inviter's own declaration, an open partnership. Answers
     * whether the invited person declared the inviter a competitor: the invitation is then silenced,
     * never refused, so that the declaration stays theirs alone.
     */
    private boolean requireInvitable(UUID organizationId, UUID inviter, UUID invited) {
        requireOutsideReportingLine(organizationId, inviter, invited);
        if (competitors.declared(organizationId, inviter, invited)) {
            throw notEligible();
        }
        closeSilencedInvitationTo(organizationId, inviter, invited);
        if (openBetween(organizationId, inviter, invited)) {
            throw duplicate();
        }
        return competitors.declared(organizationId, invited, inviter);
    }

    private void requireOutsideReportingLine(UUID organizationId, UUID a, UUID b) {
        if (a.equals(b)) {
            throw self();
        }
        if (people.inOneReportingLine(organizationId, a, b)) {
            throw new RuleViolationException(
                    "REPORTING_LINE",
                    "partnerId",
                    "A partner cannot be in your reporting line: not your manager or anyone above them, not your"
                            + " reports or anyone below them.");
        }
    }

    /** Whether the two have an open partnership; an invitation past its lapse is closed on the way. */
    private boolean openBetween(UUID organizationId, UUID a, UUID b) {
        Optional<Partnership> open =
                partnerships.findByOrganizationIdAndOpenPair(organizationId, Partnership.pairKey(a, b));
        Instant now = clock.instant();
        if (open.isPresent() && open.get().hasLapsed(now)) {
            open.get().lapse(now);
            save(open.get());
            return false;
        }
        return open.isPresent();
    }

    /**
     * Someone who once declared the other side invites them after all: the silenced invitation the
     * other side sent them meanwhile, which they never saw, is closed quietly rather than answered
     * as a duplicate they could not explain.
     */
    private void closeSilencedInvitationTo(UUID organizationId, UUID inviter, UUID invited) {
        partnerships
                .findByOrganizationIdAndOpenPair(organizationId, Partnership.pairKey(inviter, invited))
                .filter(open -> open.isSilenced() && open.getPartnerId().equals(inviter))
                .ifPresent(silenced -> {
                    silenced.end(invited, "", clock.instant());
                    save(silenced);
                });
    }

    private static RuleViolationException notEligible() {
        return new RuleViolationException("NOT_ELIGIBLE", "partnerId", "This person is not eligible as your partner.");
    }

    /** The caller's partnerships of any status that they may know of, newest first. */
    private List<Partnership> knownTo(Caller caller) {
        return partnerships.findOf(caller.organizationId(), caller.personId()).stream()
                .filter(p -> p.isKnownTo(caller.personId()))
                .toList();
    }

    private Partnership save(Partnership partnership) {
        Partnership saved = partnerships.save(partnership);
        TransactionMemo.forget(LINKS);
        return saved;
    }

    private static RuleViolationException self() {
        return new RuleViolationException("SELF", "partnerId", "You cannot be your own partner.");
    }

    private static RuleViolationException duplicate() {
        return new RuleViolationException(
                "DUPLICATE", "partnerId", "You already have a partnership with this person, open or invited.");
    }

    private Partnership involving(Caller caller, UUID id) {
        return partnerships
                .findByIdAndOrganizationId(id, caller.organizationId())
                .filter(p -> p.isKnownTo(caller.personId()))
                .orElseThrow(() -> new NotFoundException("Partnership"));
    }

    private PartnershipView save(Partnership partnership, Caller caller) {
        try {
            return view(save(partnership), caller.personId());
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ConflictException("This partnership was changed at the same time; reload it and try again.");
        } catch (DuplicateKeyException race) {
            throw duplicate();
        }
    }

    private PartnershipView view(Partnership p, UUID me) {
        return view(p, me, new java.util.HashMap<>());
    }

    /** One partnership as {@code me} sees it; {@code persons} holds the people already read. */
    private PartnershipView view(Partnership p, UUID me, Map<UUID, Optional<Person>> persons) {
        UUID other = p.other(me);
        Optional<Person> otherPerson = persons.computeIfAbsent(other, id -> people.personIn(p.getOrganizationId(), id));
        boolean outside = otherPerson.map(Person::isGuest).orElse(false);
        // an outside partner invited by e-mail is named by that e-mail until they accept: the name
        // they chose when they joined (as someone else's partner) is not the inviter's to learn
        String otherName = otherPerson
                .map(person -> person.isGuest() && p.getStatus() == PartnershipStatus.INVITED
                        ? person.getEmail()
                        : person.getName())
                .orElse("someone");
        boolean invited = p.getStatus() == PartnershipStatus.INVITED;
        return new PartnershipView(
                p.getId(),
                p.getKind(),
                p.hasLapsed(clock.instant()) ? PartnershipStatus.LAPSED : p.getStatus(),
                other,
                otherName,
                outside,
                otherPerson.map(Person::isActive).orElse(true),
                Objects.equals(p.getInviterId(), me),
                p.holds(me, other),
                p.holds(other, me),
                p.getMessage(),
                p.getCadence(),
                new PartnershipView.Agreement(CONFIDENTIALITY, p.challengeOf(me), p.challengeOf(other)),
                p.getCreatedAt(),
                p.getAcceptedAt(),
                p.getEndedAt(),
                invited ? p.getLapsesAt() : null,
                p.getVersion());
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
