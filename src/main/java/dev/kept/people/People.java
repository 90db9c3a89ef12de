package dev.kept.people;

import dev.kept.shared.Cursor;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import dev.kept.shared.TransactionMemo;
import java.time.DateTimeException;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is who in an organization: the caller, a person, the directory a page at a time, the admins,
 * reporting lines and the organization chart, strengths, and an admin's change to a person. The
 * module's other entries are {@link Accounts} (signing up and in, one's own settings), {@link
 * Invitations} and {@link Teams}. Every read and write is scoped to the caller's organization;
 * something of another organization answers as if it did not exist.
 */
@Service
public class People {

    private static final TransactionMemo.Memo PERSON = new TransactionMemo.Memo("person by id");

    private final PersonRepository persons;
    private final TeamRepository teams;
    private final ApplicationEventPublisher events;
    private final PeopleProperties properties;
    private final StrengthStore strengths;
    private final Directory directory;
    private final MemberCounts memberCounts;

    People(
            PersonRepository persons,
            TeamRepository teams,
            ApplicationEventPublisher events,
            PeopleProperties properties,
            StrengthStore strengths,
            Directory directory,
            MemberCounts memberCounts) {
        this.persons = persons;
        this.teams = teams;
        this.events = events;
        this.properties = properties;
        this.strengths = strengths;
        this.directory = directory;
        this.memberCounts = memberCounts;
    }

    /** The caller as a person; fails when the account no longer exists. */
    @Transactional(readOnly = true)
    public Person me(Caller caller) {
        return byId(caller.personId(), caller.organizationId()).orElseThrow(() -> new NotFoundException("Person"));
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

    /**
     * A page of the directory: the members (never guests) of the caller's organization that match
     * the search, by name then id, each with their team's and manager's names. Deactivated people
     * are left out; an admin may list them, or the people whose manager was deactivated, instead. The cursor carries
     * the name and id of the last person of the page before; one that does not parse answers 400.
     */
    @Transactional(readOnly = true)
    public Page<DirectoryEntry> directory(Caller caller, PeopleSearch search, String cursor, int limit) {
        Cursor sent = Cursor.orStart(cursor, name -> name, NameCursors.FIRST);
        requireMember(caller);
        if (search.among().adminOnly()) {
            requireAdmin(caller);
        }
        Cursor after = NameCursors.withName(sent, id -> directory.personName(caller.organizationId(), id));
        return Page.of(
                directory.people(caller.organizationId(), search, after, limit + 1),
                limit,
                entry -> NameCursors.byName(
                        entry.person().getName(), entry.person().getId()));
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
        Person person = persons.findByOrganizationIdAndEmail(caller.organizationId(), normalize(email))
                .filter(found -> !found.isGuest())
                .orElseThrow(() -> new RuleViolationException(
                        "UNKNOWN_PERSON", field, "There is no one with this e-mail address in this organization."));
        if (person.isDeactivated()) {
            throw left(field);
        }
        return person.getId();
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

    void requireMember(Caller caller) {
        if (me(caller).isGuest()) {
            throw new NotFoundException("Page");
        }
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
            if (!Objects.equals(previous, manager)) {
                // a manager who was deactivated may stay until the admin fixes the line
                requirePerson(caller, manager, "managerId");
                refuseLoop(caller, person.getId(), manager);
            }
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
            if (person.isAdmin()
                    && !person.isDeactivated()
                    && persons.countAdminsStillHere(caller.organizationId()) <= 1) {
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

    /** A person's strengths (areas of expertise), in alphabetical order. */
    @Transactional(readOnly = true)
    public List<String> strengthsOf(UUID organizationId, UUID personId) {
        return strengths.of(organizationId, personId);
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

    /**
     * One level of the organization chart: the reporting line from its top down to {@code focus}
     * (the caller when null) and the people reporting directly to them; with {@code tops}, the
     * people without a manager instead. A bounded number of statements, whatever the size.
     */
    @Transactional(readOnly = true)
    public OrgChart chart(Caller caller, UUID focus, boolean tops) {
        UUID organizationId = caller.organizationId();
        long everyone = memberCounts.members(organizationId);
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
    Optional<Person> byId(UUID id, UUID organizationId) {
        return TransactionMemo.get(PERSON, List.of(id, organizationId), () -> directory.person(organizationId, id));
    }

    /** Forgets the people read in this transaction, after they were written other than by {@link #save}. */
    void forgetReadPeople() {
        TransactionMemo.forget(PERSON);
    }

    Person save(Person person) {
        Person saved = persons.save(person);
        TransactionMemo.forget(PERSON);
        return saved;
    }

    Person requirePerson(Caller caller, UUID id, String field) {
        if (id == null) {
            return null;
        }
        Person person = byId(id, caller.organizationId())
                .filter(found -> !found.isGuest())
                .orElseThrow(() -> new RuleViolationException(
                        "UNKNOWN_PERSON", field, "There is no such person in this organization."));
        if (person.isDeactivated()) {
            throw left(field);
        }
        return person;
    }

    /** The rule a form breaks when it names someone who was deactivated. */
    static RuleViolationException left(String field) {
        return new RuleViolationException(
                "DEACTIVATED", field, "This person was deactivated: they are no longer in this organization.");
    }

    void requireTeam(Caller caller, UUID id, String field) {
        if (id != null
                && teams.findByIdAndOrganizationId(id, caller.organizationId()).isEmpty()) {
            throw new RuleViolationException("UNKNOWN_TEAM", field, "There is no such team in this organization.");
        }
    }

    String zoneOrDefault(String zone) {
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

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
