package dev.kept.people;

import dev.kept.shared.BadCursorException;
import dev.kept.shared.ConflictException;
import dev.kept.shared.Cursor;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.GoneException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import dev.kept.shared.SecretTokens;
import dev.kept.shared.TransactionMemo;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people module's entry: sign-up, sign-in checks, invitations, the directory, reporting lines
 * and teams. Every read and write is scoped to the caller's organization; something of another
 * organization answers as if it did not exist.
 */
@Service
public class People {

    // a hash to compare against when no account matches, so that an unknown e-mail costs as long
    private static final String NO_ACCOUNT = "no account with this e-mail";
    private static final TransactionMemo.Memo PERSON = new TransactionMemo.Memo("person by id");
    private static final TransactionMemo.Memo TEAMS = new TransactionMemo.Memo("teams of an organization");

    private final OrganizationRepository organizations;
    private final PersonRepository persons;
    private final TeamRepository teams;
    private final InvitationRepository invitations;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final PeopleProperties properties;
    private final PreferenceStore preferences;
    private final StrengthStore strengths;
    private final Directory directory;
    private final Clock clock;
    private final String decoyHash;

    People(
            OrganizationRepository organizations,
            PersonRepository persons,
            TeamRepository teams,
            InvitationRepository invitations,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            PeopleProperties properties,
            PreferenceStore preferences,
            StrengthStore strengths,
            Directory directory,
            Clock clock) {
        this.organizations = organizations;
        this.persons = persons;
        this.teams = teams;
        this.invitations = invitations;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.properties = properties;
        this.preferences = preferences;
        this.strengths = strengths;
        this.directory = directory;
        this.clock = clock;
        this.decoyHash = passwordEncoder.encode(NO_ACCOUNT);
    }

    /** Creates an organization and its first admin, who can sign in at once. */
    @Transactional
    public SignedUp signUp(SignUp form) {
        Instant now = clock.instant();
        String zone = zoneOrDefault(form.timeZone());
        Organization organization =
                organizations.save(Organization.found(form.organization().strip(), now));
        Person admin = save(Person.founder(
                organization.getId(),
                form.name().strip(),
                normalize(form.email()),
                passwordEncoder.encode(form.password()),
                zone,
                now));
        events.publishEvent(new OrganizationSignedUp(organization.getId(), admin.getId()));
        return new SignedUp(organization, admin);
    }

    /**
     * The account an e-mail and password sign in to, if any. Every active account with that e-mail
     * is tried (a person may belong to several organizations), and an unknown e-mail takes as long
     * to answer as a known one.
     */
    @Transactional(readOnly = true)
    public Optional<Caller> authenticate(String email, String password) {
        if (email == null || password == null || password.length() > PasswordPolicy.MAX_LENGTH) {
            return Optional.empty();
        }
        List<Person> accounts = persons.findByEmailAndStatus(normalize(email), PersonStatus.ACTIVE.name()).stream()
                .sorted(Comparator.comparing(Person::getCreatedAt))
                .toList();
        if (accounts.isEmpty()) {
            passwordEncoder.matches(password, decoyHash);
            return Optional.empty();
        }
        return accounts.stream()
                .filter(person -> passwordEncoder.matches(password, person.getPasswordHash()))
                .findFirst()
                .map(person -> new Caller(person.getId(), person.getOrganizationId(), person.getName()));
    }

    /** The caller an API token of this person stands for, while their account is active. */
    @Transactional(readOnly = true)
    public Optional<Caller> activeCaller(UUID organizationId, UUID personId) {
        return byId(personId, organizationId)
                .filter(Person::isActive)
                .map(person -> new Caller(person.getId(), person.getOrganizationId(), person.getName()));
    }

    /** The caller as a person; fails when the account no longer exists. */
    @Transactional(readOnly = true)
    public Person me(Caller caller) {
        return byId(caller.personId(), caller.organizationId()).orElseThrow(() -> new NotFoundException("Person"));
    }

    @Transactional(readOnly = true)
    public Organization organization(Caller caller) {
        return organizations.findById(caller.organizationId()).orElseThrow(() -> new NotFoundException("Organization"));
    }

    /**
     * Changes the settings of the caller's organization (admin only); {@code null} leaves a setting
     * as it is. Publishes {@link OrganizationSettingsChanged} when something changed.
     */
    @Transactional
    public Organization changeOrganizationSettings(Caller caller, Boolean apiTokensMayNeverExpire) {
        requireAdmin(caller);
        Organization organization = organization(caller);
        if (apiTokensMayNeverExpire == null || !organization.allowTokensThatNeverExpire(apiTokensMayNeverExpire)) {
            return organization;
        }
        Organization saved = organizations.save(organization);
        events.publishEvent(new OrganizationSettingsChanged(saved.getId(), saved.mayApiTokensNeverExpire()));
        return saved;
    }

    @Transactional(readOnly = true)
    public boolean isAdmin(Caller caller) {
        return byId(caller.personId(), caller.organizationId())
                .map(Person::isAdmin)
                .orElse(false);
    }

    /**
     * A member of the caller's organization, as the directory shows them. Guests neither see the
     * directory nor appear in it: who has an outside partner stays between the partners.
     */
    @Transactional(readOnly = true)
    public Person person(Caller caller, UUID id) {
        requireMember(caller);
        return byId(id, caller.organizationId())
                .filter(person -> !person.isGuest())
                .orElseThrow(() -> new NotFoundException("Person"));
    }

    private static final Cursor FIRST_BY_NAME = new Cursor("", new UUID(0, 0));

    // a cursor's position when the name is too long to carry: no real name is blank, so this one
    // says "look the name up by the id"
    private static final String NAME_OF_ID = " ";

    // the longest cursor text that Cursor reads back
    private static final int LONGEST_CURSOR = 200;

    private static Cursor byName(String name, UUID id) {
        Cursor cursor = new Cursor(name, id);
        return cursor.encode().length() <= LONGEST_CURSOR ? cursor : new Cursor(NAME_OF_ID, id);
    }

    private static Cursor withName(Cursor cursor, Function<UUID, Optional<String>> nameOf) {
        if (!NAME_OF_ID.equals(cursor.position())) {
            return cursor;
        }
        return new Cursor(nameOf.apply(cursor.id()).orElseThrow(BadCursorException::new), cursor.id());
    }

    /**
     * A page of the directory: the members (never guests) of the caller's organization that match
     * the search, by name then id, each with their team's and manager's names. The cursor carries
     * the name and id of the last person of the page before; one that does not parse answers 400.
     */
    @Transactional(readOnly = true)
    public Page<DirectoryEntry> directory(Caller caller, PeopleSearch search, String cursor, int limit) {
        Cursor sent = Cursor.orStart(cursor, name -> name, FIRST_BY_NAME);
        requireMember(caller);
        Cursor after = withName(sent, id -> directory.personName(caller.organizationId(), id));
        return Page.of(
                directory.people(caller.organizationId(), search, after, limit + 1),
                limit,
                entry -> byName(entry.person().getName(), entry.person().getId()));
    }

    /** A page of the caller's organization's teams, by name then id, with lead names and member counts. */
    @Transactional(readOnly = true)
    public Page<TeamSummary> teamPage(Caller caller, String cursor, int limit) {
        Cursor sent = Cursor.orStart(cursor, name -> name, FIRST_BY_NAME);
        requireMember(caller);
        Cursor after = withName(sent, id -> directory.teamName(caller.organizationId(), id));
        return Page.of(
                directory.teams(caller.organizationId(), after, limit + 1),
                limit,
                team -> byName(team.name(), team.id()));
    }

    /** One team with its lead's name and its member count (404 when not of this organization). */
    @Transactional(readOnly = true)
    public TeamSummary teamSummary(Caller caller, UUID teamId) {
        requireMember(caller);
        return directory.team(caller.organizationId(), teamId).orElseThrow(() -> new NotFoundException("Team"));
    }

    /**
     * The member (not a guest) of the caller's organization with this e-mail, for forms that name a
     * person by address rather than offering the whole organization to pick from; null when blank.
     */
    @Transactional(readOnly = true)
    public UUID memberByEmail(Caller caller, String email, String field) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return persons.findByOrganizationIdAndEmail(caller.organizationId(), normalize(email))
                .filter(person -> !person.isGuest())
                .map(Person::getId)
                .orElseThrow(() -> new RuleViolationException(
                        "UNKNOWN_PERSON", field, "There is no one with this e-mail address in this organization."));
    }

    /** Every member of the caller's organization, by name (guests are not listed). */
    @Transactional(readOnly = true)
    public List<Person> people(Caller caller) {
        requireMember(caller);
        return persons.findByOrganizationIdOrderByName(caller.organizationId()).stream()
                .filter(person -> !person.isGuest())
                .toList();
    }

    /**
     * The ids of an organization's admins, read in one statement: for rules that name them (an
     * organization goal is theirs), never a walk through the whole organization.
     */
    @Transactional(readOnly = true)
    public Set<UUID> adminIds(UUID organizationId) {
        return Set.copyOf(directory.admins(organizationId));
    }

    /**
     * The ids of the members (never guests) of these teams of an organization, read in one
     * statement; with {@code joinedOnly}, only those who have accepted their invitation (who can be
     * told something). For modules that count or tell a team's people.
     */
    @Transactional(readOnly = true)
    public List<UUID> teamMemberIds(UUID organizationId, Collection<UUID> teamIds, boolean joinedOnly) {
        return directory.memberIds(organizationId, teamIds, joinedOnly);
    }

    /** The ids of a team's lead and its members (never guests), read in one statement; none for no such team. */
    @Transactional(readOnly = true)
    public Set<UUID> teamLeadAndMemberIds(UUID organizationId, UUID teamId) {
        return Set.copyOf(directory.leadAndMemberIds(organizationId, teamId));
    }

    /**
     * A person of an organization, member or guest, for other modules that hold their id (an
     * owner, a partner): not a directory read, so it is not limited to members.
     */
    @Transactional(readOnly = true)
    public Optional<Person> personIn(UUID organizationId, UUID personId) {
        return byId(personId, organizationId);
    }

    /**
     * The people of an organization among these ids, member or guest, read in one statement: for a
     * page of another module's list that names them.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Person> peopleIn(UUID organizationId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Person> found = new HashMap<>();
        for (Person person : persons.findAllById(Set.copyOf(ids))) {
            if (person.getOrganizationId().equals(organizationId)) {
                found.put(person.getId(), person);
            }
        }
        return found;
    }

    /** Every reporting line of an organization, read at once, to check many pairs. */
    @Transactional(readOnly = true)
    public ReportingLines reportingLines(UUID organizationId) {
        Map<UUID, UUID> managerOf = new HashMap<>();
        for (Person p : persons.findByOrganizationIdOrderByName(organizationId)) {
            if (p.getManagerId() != null) {
                managerOf.put(p.getId(), p.getManagerId());
            }
        }
        return new ReportingLines(managerOf);
    }

    /** Whether one of the two people is the other's manager, or above them, at any depth. */
    @Transactional(readOnly = true)
    public boolean inOneReportingLine(UUID organizationId, UUID a, UUID b) {
        return isAbove(organizationId, a, b) || isAbove(organizationId, b, a);
    }

    private boolean isAbove(UUID organizationId, UUID above, UUID below) {
        Set<UUID> seen = new HashSet<>();
        UUID current = below;
        while (current != null && seen.add(current)) {
            UUID manager =
                    byId(current, organizationId).map(Person::getManagerId).orElse(null);
            if (above.equals(manager)) {
                return true;
            }
            current = manager;
        }
        return false;
    }

    /**
     * The person an e-mail names as a partner: the member or guest of the caller's organization
     * with that address, or else a new guest, who is e-mailed a link to set a password. A guest who
     * has not joined yet gets a new link (earlier ones stop working).
     */
    @Transactional
    public Person partnerByEmail(Caller inviter, String email) {
        Person me = me(inviter);
        String address = normalize(email);
        Optional<Person> known = persons.findByOrganizationIdAndEmail(inviter.organizationId(), address);
        if (known.isPresent()) {
            if (known.get().isGuest() && !known.get().isActive()) {
                sendInvitation(me, known.get(), true);
            }
            return known.get();
        }
        String name = address.substring(0, address.indexOf('@'));
        Person guest;
        try {
            guest = save(Person.guest(
                    inviter.organizationId(), name, address, properties.defaultTimeZone(), clock.instant()));
        } catch (DuplicateKeyException race) {
            throw new ConflictException("Someone else invited this person at the same moment; try again.");
        }
        sendInvitation(me, guest, true);
        return guest;
    }

    /**
     * Sends a guest who has not joined yet a new link to set their password (earlier ones stop
     * working), on behalf of the member whose partner they are to be.
     */
    @Transactional
    public void resendGuestInvitation(Caller inviter, UUID guestId) {
        Person guest = byId(guestId, inviter.organizationId())
                .filter(Person::isGuest)
                .orElseThrow(() -> new NotFoundException("Person"));
        if (guest.isActive()) {
            throw new ConflictException(
                    guest.getName() + " has already joined; they see the invitation in their inbox.");
        }
        sendInvitation(me(inviter), guest, true);
    }

    private void requireMember(Caller caller) {
        if (me(caller).isGuest()) {
            throw new NotFoundException("Page");
        }
    }

    /** The team a person is in, if any: used to decide who sees what is shared with a team. */
    @Transactional(readOnly = true)
    public Optional<UUID> teamOf(UUID organizationId, UUID personId) {
        return byId(personId, organizationId).map(Person::getTeamId);
    }

    /** Invites a person into the caller's organization and e-mails them a link to set a password. */
    @Transactional
    public Person invite(Caller caller, PersonDetails details) {
        Person admin = requireAdmin(caller);
        String email = normalize(details.email());
        if (persons.findByOrganizationIdAndEmail(caller.organizationId(), email).isPresent()) {
            throw new RuleViolationException(
                    "EMAIL_TAKEN", "email", "Someone in this organization already has this e-mail address.");
        }
        requireTeam(caller, details.teamId(), "teamId");
        requirePerson(caller, details.managerId(), "managerId");
        PersonDetails clean = new PersonDetails(
                details.name().strip(),
                email,
                blankToNull(details.title()),
                details.teamId(),
                blankToNull(details.region()),
                details.managerId(),
                details.level());
        Person person;
        try {
            person =
                    save(Person.invited(caller.organizationId(), clean, properties.defaultTimeZone(), clock.instant()));
        } catch (DuplicateKeyException race) {
            throw new RuleViolationException(
                    "EMAIL_TAKEN", "email", "Someone in this organization already has this e-mail address.");
        }
        sendInvitation(admin, person, false);
        return person;
    }

    /** Sends a new invitation link to someone who has not accepted yet; earlier links stop working. */
    @Transactional
    public void resendInvitation(Caller caller, UUID personId) {
        Person admin = requireAdmin(caller);
        Person person = person(caller, personId);
        if (person.isActive()) {
            throw new RuleViolationException(
                    "ALREADY_ACTIVE", null, person.getName() + " has already accepted their invitation.");
        }
        sendInvitation(admin, person, false);
    }

    private void sendInvitation(Person inviter, Person person, boolean asPartner) {
        Instant now = clock.instant();
        for (Invitation earlier :
                invitations.findByOrganizationIdAndPersonId(person.getOrganizationId(), person.getId())) {
            earlier.revoke(now);
            invitations.save(earlier);
        }
        String token = SecretTokens.generate("");
        Invitation invitation = invitations.save(Invitation.issue(
                person.getOrganizationId(),
                person.getId(),
                SecretTokens.hash(token),
                now,
                now.plus(properties.invitationValidity())));
        Organization organization =
                organizations.findById(person.getOrganizationId()).orElseThrow();
        events.publishEvent(new PersonInvited(
                organization.getId(),
                person.getId(),
                invitation.getId(),
                organization.getName(),
                person.getName(),
                person.getEmail(),
                inviter.getName(),
                asPartner,
                stripTrailingSlash(properties.baseUrl()) + "/invitations/" + token,
                invitation.getExpiresAt()));
    }

    /** What an invitation link is for: 404 when unknown, 410 when used, replaced or expired. */
    @Transactional(readOnly = true)
    public InvitationDetails invitation(String token) {
        Invitation invitation = openInvitation(token);
        Person person = persons.findById(invitation.getPersonId()).orElseThrow();
        Organization organization =
                organizations.findById(invitation.getOrganizationId()).orElseThrow();
        return new InvitationDetails(
                organization.getName(),
                person.getName(),
                person.getEmail(),
                invitation.getExpiresAt(),
                person.isGuest());
    }

    /** Sets the invited person's password; the link cannot be used again. */
    @Transactional
    public Person acceptInvitation(String token, String password) {
        return acceptInvitation(token, password, null);
    }

    /** Sets the password, and the name the person chose (a guest is invited by e-mail alone). */
    @Transactional
    public Person acceptInvitation(String token, String password, String name) {
        String problem = PasswordPolicy.problemWith(password);
        if (problem != null) {
            throw new RuleViolationException("PASSWORD", "password", "The password " + problem + ".");
        }
        Invitation invitation = openInvitation(token);
        invitation.use(clock.instant());
        invitations.save(invitation);
        Person person = persons.findById(invitation.getPersonId()).orElseThrow();
        person.activate(passwordEncoder.encode(password));
        if (name != null && !name.isBlank()) {
            person.rename(name.strip());
        }
        Person saved = save(person);
        events.publishEvent(new InvitationAccepted(saved.getOrganizationId(), saved.getId()));
        return saved;
    }

    private Invitation openInvitation(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new NotFoundException("Invitation");
        }
        Invitation invitation = invitations
                .findByTokenHash(SecretTokens.hash(token))
                .orElseThrow(() -> new NotFoundException("Invitation"));
        if (!invitation.isOpen(clock.instant())) {
            throw new GoneException("This invitation link has already been used, was replaced by a newer one, or"
                    + " has expired. Ask your admin to send a new one.");
        }
        return invitation;
    }

    /** An admin's change to a person: reporting line, team, region, title or role. */
    @Transactional
    public Person update(Caller caller, UUID id, PersonChanges changes) {
        requireAdmin(caller);
        Person person = person(caller, id);
        ReportingLineChanged lineChanged = null;
        if (changes.managerId() != null) {
            UUID previous = person.getManagerId();
            UUID manager = changes.managerId().orElse(null);
            requirePerson(caller, manager, "managerId");
            refuseLoop(caller, person.getId(), manager);
            person.reportTo(manager);
            if (!Objects.equals(previous, manager)) {
                lineChanged = new ReportingLineChanged(caller.organizationId(), id, previous, manager);
            }
        }
        if (changes.teamId() != null) {
            UUID team = changes.teamId().orElse(null);
            requireTeam(caller, team, "teamId");
            person.joinTeam(team);
        }
        String title = changes.title() == null
                ? person.getTitle()
                : changes.title().map(People::blankToNull).orElse(null);
        String region = changes.region() == null
                ? person.getRegion()
                : changes.region().map(People::blankToNull).orElse(null);
        person.describe(title, region);
        if (changes.level() != null) {
            person.placeAtLevel(changes.level().orElse(null));
        }
        if (changes.role() == Role.GUEST) {
            throw new RuleViolationException("ROLE", "role", "A member can be a member or an admin, not a guest.");
        }
        if (changes.role() != null && changes.role() != person.getRole()) {
            if (person.isAdmin() && persons.countByOrganizationIdAndRole(caller.organizationId(), Role.ADMIN) <= 1) {
                throw new RuleViolationException("LAST_ADMIN", "role", "An organization needs at least one admin.");
            }
            person.assignRole(changes.role());
        }
        Person saved = save(person);
        if (lineChanged != null) {
            // after the save: listeners in this transaction see the new line
            events.publishEvent(lineChanged);
        }
        return saved;
    }

    /** The caller's own settings: their name and time zone. */
    @Transactional
    public Person updateProfile(Caller caller, String name, String timeZone) {
        Person me = me(caller);
        if (name != null && !name.isBlank()) {
            me.rename(name.strip());
        }
        if (timeZone != null && !timeZone.isBlank()) {
            me.liveIn(zoneOrDefault(timeZone));
        }
        return save(me);
    }

    /** A person's strengths (areas of expertise), in alphabetical order. */
    @Transactional(readOnly = true)
    public List<String> strengthsOf(UUID organizationId, UUID personId) {
        return strengths.of(organizationId, personId);
    }

    /**
     * Replaces the caller's strengths: at most {@value Strengths#MOST} tags of 1 to 40 characters,
     * stored trimmed and in lower case, a repeated one once (422 on field {@code strengths}).
     */
    @Transactional
    public List<String> updateStrengths(Caller caller, Collection<String> tags) {
        Person me = me(caller);
        List<String> clean = Strengths.normalize(tags, 0, Strengths.MOST, "strengths");
        strengths.replace(caller.organizationId(), me.getId(), clean);
        return strengths.of(caller.organizationId(), me.getId());
    }

    /**
     * The active members (never guests) of an organization whose strengths match any of these
     * areas (tags in their stored form, see {@link Strengths#normalize}), by name.
     */
    @Transactional(readOnly = true)
    public List<Person> withStrengths(UUID organizationId, Collection<String> areas) {
        List<UUID> ids = strengths.peopleWithAny(organizationId, areas);
        if (ids.isEmpty()) {
            return List.of();
        }
        return persons.findAllById(ids).stream()
                .filter(person -> person.getOrganizationId().equals(organizationId))
                .sorted(Comparator.comparing(Person::getName).thenComparing(Person::getId))
                .toList();
    }

    /** The caller's reminder and e-mail preferences. */
    @Transactional(readOnly = true)
    public Preferences preferences(Caller caller) {
        return preferences.of(caller.organizationId(), me(caller).getId());
    }

    /** A person's preferences, for the modules that remind them. */
    @Transactional(readOnly = true)
    public Preferences preferencesOf(UUID organizationId, UUID personId) {
        return preferences.of(organizationId, personId);
    }

    /** Changes the caller's preferences. */
    @Transactional
    public Preferences updatePreferences(Caller caller, Preferences changed) {
        preferences.save(caller.organizationId(), me(caller).getId(), changed, clock.instant());
        return preferences.of(caller.organizationId(), caller.personId());
    }

    /**
     * The active people who asked for the weekly digest, a batch at a time in id order: up to
     * {@code limit} after the person {@code after} (a {@code null} starts at the first), in one query.
     */
    @Transactional(readOnly = true)
    public List<Person> digestReaders(UUID after, int limit) {
        return persons.findDigestReaders(after == null ? new UUID(0L, 0L) : after, limit);
    }

    private void refuseLoop(Caller caller, UUID personId, UUID newManager) {
        if (newManager == null) {
            return;
        }
        if (newManager.equals(personId)) {
            throw new RuleViolationException("REPORTING_LOOP", "managerId", "A person cannot be their own manager.");
        }
        Map<UUID, UUID> managerOf = new HashMap<>();
        for (Person p : persons.findByOrganizationIdOrderByName(caller.organizationId())) {
            if (p.getManagerId() != null) {
                managerOf.put(p.getId(), p.getManagerId());
            }
        }
        Set<UUID> seen = new HashSet<>();
        UUID current = newManager;
        while (current != null && seen.add(current)) {
            if (current.equals(personId)) {
                throw new RuleViolationException(
                        "REPORTING_LOOP",
                        "managerId",
                        "This would make a loop in the reporting line: the new manager already reports,"
                                + " directly or indirectly, to this person.");
            }
            current = managerOf.get(current);
        }
    }

    /** Forms a team; a lead without a team joins it. */
    @Transactional
    public Team createTeam(Caller caller, String name, UUID leadId) {
        requireAdmin(caller);
        String clean = name.strip();
        refuseTakenTeamName(caller, clean, null);
        Person lead = requirePerson(caller, leadId, "leadId");
        Team team;
        try {
            team = saveTeam(Team.form(caller.organizationId(), clean, leadId, clock.instant()));
        } catch (DuplicateKeyException race) {
            throw takenTeamName();
        }
        if (lead != null && lead.getTeamId() == null) {
            lead.joinTeam(team.getId());
            save(lead);
        }
        return team;
    }

    /** Renames a team or gives it another lead (or none). */
    @Transactional
    public Team updateTeam(Caller caller, UUID teamId, String name, Optional<UUID> leadId) {
        requireAdmin(caller);
        Team team = team(caller, teamId);
        if (name != null) {
            String clean = name.strip();
            refuseTakenTeamName(caller, clean, teamId);
            team.rename(clean);
        }
        if (leadId != null) {
            Person lead = requirePerson(caller, leadId.orElse(null), "leadId");
            team.ledBy(leadId.orElse(null));
            if (lead != null && lead.getTeamId() == null) {
                lead.joinTeam(team.getId());
                save(lead);
            }
        }
        return saveTeam(team);
    }

    @Transactional(readOnly = true)
    public List<Team> teams(Caller caller) {
        requireMember(caller);
        return TransactionMemo.get(
                TEAMS,
                caller.organizationId(),
                () -> List.copyOf(teams.findByOrganizationIdOrderByName(caller.organizationId())));
    }

    @Transactional(readOnly = true)
    public Team team(Caller caller, UUID teamId) {
        requireMember(caller);
        return teams.findByIdAndOrganizationId(teamId, caller.organizationId())
                .orElseThrow(() -> new NotFoundException("Team"));
    }

    /**
     * One level of the organization chart: the reporting line from its top down to {@code focus}
     * (the caller when null) and the people reporting directly to them; with {@code tops}, the
     * people without a manager instead. A bounded number of statements, whatever the size.
     */
    @Transactional(readOnly = true)
    public OrgChart chart(Caller caller, UUID focus, boolean tops) {
        UUID organizationId = caller.organizationId();
        long everyone = directory.members(organizationId);
        if (tops) {
            requireMember(caller);
            return new OrgChart(
                    List.of(),
                    directory.tops(organizationId, OrgChart.MOST_BELOW),
                    directory.tops(organizationId),
                    everyone);
        }
        UUID inFocus = focus == null ? caller.personId() : person(caller, focus).getId();
        if (focus == null) {
            requireMember(caller);
        }
        List<ChartEntry> line = directory.chain(organizationId, inFocus);
        long below = line.isEmpty() ? 0 : line.get(line.size() - 1).reports();
        return new OrgChart(line, directory.reports(organizationId, inFocus, OrgChart.MOST_BELOW), below, everyone);
    }

    /** The caller as an admin of their organization, or 403. */
    @Transactional(readOnly = true)
    public Person requireAdmin(Caller caller) {
        Person me = me(caller);
        if (!me.isAdmin()) {
            throw new ForbiddenException("Only an organization admin can do this.");
        }
        return me;
    }

    /** A person of an organization, read once per transaction: several rules of one request ask for the caller. */
    private Optional<Person> byId(UUID id, UUID organizationId) {
        return TransactionMemo.get(PERSON, List.of(id, organizationId), () -> directory.person(organizationId, id));
    }

    private Person save(Person person) {
        Person saved = persons.save(person);
        TransactionMemo.forget(PERSON);
        return saved;
    }

    private Team saveTeam(Team team) {
        Team saved = teams.save(team);
        TransactionMemo.forget(TEAMS);
        return saved;
    }

    private Person requirePerson(Caller caller, UUID id, String field) {
        if (id == null) {
            return null;
        }
        return byId(id, caller.organizationId())
                .filter(person -> !person.isGuest())
                .orElseThrow(() -> new RuleViolationException(
                        "UNKNOWN_PERSON", field, "There is no such person in this organization."));
    }

    private void requireTeam(Caller caller, UUID id, String field) {
        if (id != null
                && teams.findByIdAndOrganizationId(id, caller.organizationId()).isEmpty()) {
            throw new RuleViolationException("UNKNOWN_TEAM", field, "There is no such team in this organization.");
        }
    }

    private void refuseTakenTeamName(Caller caller, String name, UUID except) {
        teams.findByOrganizationIdAndName(caller.organizationId(), name)
                .filter(other -> !other.getId().equals(except))
                .ifPresent(other -> {
                    throw takenTeamName();
                });
    }

    private static RuleViolationException takenTeamName() {
        return new RuleViolationException("TEAM_NAME_TAKEN", "name", "There is already a team with this name.");
    }

    private String zoneOrDefault(String zone) {
        if (zone == null || zone.isBlank()) {
            return properties.defaultTimeZone();
        }
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            throw new RuleViolationException(
                    "TIME_ZONE", "timeZone", "Unknown time zone; use a name such as Europe/Paris.");
        }
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
