package dev.kept.partnerships;

import dev.kept.people.Caller;
import dev.kept.people.Invitations;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.PersonDeactivated;
import dev.kept.people.ReportingLineChanged;
import dev.kept.people.ReportingLines;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    private final PartnershipRepository partnerships;
    private final Competitors competitors;
    private final People people;
    private final Invitations invites;
    private final PartnershipProperties properties;
    private final Clock clock;

    Partnerships(
            PartnershipRepository partnerships,
            Competitors competitors,
            People people,
            Invitations invites,
            PartnershipProperties properties,
            Clock clock) {
        this.partnerships = partnerships;
        this.competitors = competitors;
        this.people = people;
        this.invites = invites;
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
                    .filter(person -> !person.isGuest() && !person.isDeactivated())
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

    /**
     * Ends, in the same transaction as the deactivation, every open partnership and invitation of
     * someone who left: each partner is told, and the check-ins of each stop.
     */
    @EventListener
    void on(PersonDeactivated deactivated) {
        Instant now = clock.instant();
        for (Partnership partnership : partnerships.findOf(deactivated.organizationId(), deactivated.personId())) {
            if (partnership.endAsLeft(deactivated.personId(), deactivated.name(), now)) {
                save(partnership);
            }
        }
    }

    void requireEligible(UUID organizationId, UUID a, UUID b, boolean newInvitation) {
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
    List<Partnership> knownTo(Caller caller) {
        return partnerships.findOf(caller.organizationId(), caller.personId()).stream()
                .filter(p -> p.isKnownTo(caller.personId()))
                .toList();
    }

    Partnership save(Partnership partnership) {
        Partnership saved = partnerships.save(partnership);
        TransactionMemo.forget(LINKS);
        return saved;
    }

    private static RuleViolationException self() {
        return new RuleViolationException("SELF", "partnerId", "You cannot be your own partner.");
    }

    static RuleViolationException duplicate() {
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
