package dev.kept.people;

import dev.kept.shared.ConflictException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.RuleViolationException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People and teams as an identity provider keeps them (directory sync): for a caller that has
 * authenticated the organization itself, not a person. Members only, never guests. A person it
 * creates is invited without an e-mail: they join through single sign-on, or an admin sends them
 * the invitation link. Leaving and coming back go through {@link Offboarding}.
 */
@Service
public class DirectorySync {

    /** What the directory says of a person; every field is set (null clears it). */
    public record SyncedPerson(String name, String email, String title, UUID managerId, UUID teamId) {}

    /** One page of a longer list, and how many there are in all. */
    public record Slice<T>(List<T> items, long total) {}

    /** The one attribute a list of people is narrowed by, if any. */
    public enum PersonKey {
        ALL,
        EMAIL,
        ACTIVE
    }

    private final People people;
    private final PersonRepository persons;
    private final TeamRepository teams;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final PeopleProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DirectorySync(
            People people,
            PersonRepository persons,
            TeamRepository teams,
            Directory directory,
            JdbcClient jdbc,
            PeopleProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.people = people;
        this.persons = persons;
        this.teams = teams;
        this.directory = directory;
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** A member of the organization (404 for a guest or anyone else). */
    @Transactional(readOnly = true)
    public Person member(UUID organizationId, UUID personId) {
        return people.byId(personId, organizationId)
                .filter(person -> !person.isGuest())
                .orElseThrow(() -> new NotFoundException("Person"));
    }

    /**
     * A page of the organization's members, oldest first, narrowed to one e-mail or to the active
     * (or inactive) ones.
     */
    @Transactional(readOnly = true)
    public Slice<Person> members(UUID organizationId, PersonKey key, String value, int offset, int limit) {
        String where = "organization_id = :organizationId and role <> 'GUEST'"
                + switch (key) {
                    case ALL -> "";
                    case EMAIL -> " and email = :value";
                    case ACTIVE ->
                        Boolean.parseBoolean(value) ? " and status <> 'DEACTIVATED'" : " and status = 'DEACTIVATED'";
                };
        String email = key == PersonKey.EMAIL ? People.normalize(value) : "";
        long total = jdbc.sql("select count(*) from person where " + where)
                .param("organizationId", organizationId)
                .param("value", email)
                .query(Long.class)
                .single();
        List<Person> items = limit == 0
                ? List.of()
                : jdbc.sql("select * from person where " + where
                                + " order by created_at, id limit :limit offset :offset")
                        .param("organizationId", organizationId)
                        .param("value", email)
                        .param("limit", limit)
                        .param("offset", offset)
                        .query(PersonRows.MAPPER)
                        .list();
        return new Slice<>(items, total);
    }

    /**
     * Creates an invited member, without sending an e-mail. 409 ({@code EMAIL_TAKEN}) when someone
     * of the organization has this e-mail; a manager or team breaking a rule answers as in {@link
     * #update}.
     */
    @Transactional
    public Person create(UUID organizationId, SyncedPerson synced) {
        String email = People.normalize(synced.email());
        if (persons.findByOrganizationIdAndEmail(organizationId, email).isPresent()) {
            throw emailTaken();
        }
        requireManager(organizationId, null, synced.managerId());
        requireTeam(organizationId, synced.teamId());
        PersonDetails details = new PersonDetails(
                synced.name().strip(),
                email,
                People.blankToNull(synced.title()),
                synced.teamId(),
                null,
                synced.managerId(),
                null);
        try {
            return people.save(Person.invited(organizationId, details, properties.defaultTimeZone(), clock.instant()));
        } catch (DuplicateKeyException race) {
            throw emailTaken();
        }
    }

    /**
     * Makes a member what the directory says: name, e-mail, title, manager and team. A manager who
     * is no member, was deactivated (when newly named) or reports to this person breaks a rule
     * ({@code UNKNOWN_PERSON}, {@code DEACTIVATED}, {@code REPORTING_LOOP}); an e-mail someone else
     * has answers 409 ({@code EMAIL_TAKEN}).
     */
    @Transactional
    public Person update(UUID organizationId, UUID personId, SyncedPerson synced) {
        Person person = member(organizationId, personId);
        String email = People.normalize(synced.email());
        if (!email.equals(person.getEmail())) {
            if (persons.findByOrganizationIdAndEmail(organizationId, email).isPresent()) {
                throw emailTaken();
            }
            try {
                // the e-mail is fixed on the aggregate: only the directory changes it
                jdbc.sql("update person set email = :email, version = version + 1 where id = :id")
                        .param("email", email)
                        .param("id", personId)
                        .update();
            } catch (DuplicateKeyException race) {
                throw emailTaken();
            }
            person = persons.findById(personId).orElseThrow();
        }
        UUID previous = person.getManagerId();
        if (!Objects.equals(previous, synced.managerId())) {
            requireManager(organizationId, personId, synced.managerId());
        }
        requireTeam(organizationId, synced.teamId());
        person.rename(synced.name().strip());
        person.describe(People.blankToNull(synced.title()), person.getRegion());
        person.reportTo(synced.managerId());
        person.joinTeam(synced.teamId());
        Person saved = people.save(person);
        if (!Objects.equals(previous, synced.managerId())) {
            events.publishEvent(new ReportingLineChanged(organizationId, personId, previous, synced.managerId()));
        }
        return saved;
    }

    /** Puts a member in a team, or takes them out of it (null): a person is in one team at most. */
    @Transactional
    public Person moveToTeam(UUID organizationId, UUID personId, UUID teamId) {
        Person person = member(organizationId, personId);
        requireTeam(organizationId, teamId);
        person.joinTeam(teamId);
        return people.save(person);
    }

    /** A team of the organization (404 for any other). */
    @Transactional(readOnly = true)
    public Team team(UUID organizationId, UUID teamId) {
        return teams.findByIdAndOrganizationId(teamId, organizationId).orElseThrow(() -> new NotFoundException("Team"));
    }

    /** A page of the organization's teams, oldest first, or the one with this exact name. */
    @Transactional(readOnly = true)
    public Slice<Team> teams(UUID organizationId, String name, int offset, int limit) {
        String where = "organization_id = :organizationId" + (name == null ? "" : " and name = :name");
        long total = jdbc.sql("select count(*) from team where " + where)
                .param("organizationId", organizationId)
                .param("name", name == null ? "" : name)
                .query(Long.class)
                .single();
        List<Team> items = limit == 0
                ? List.of()
                : jdbc.sql("select * from team where " + where + " order by created_at, id limit :limit offset :offset")
                        .param("organizationId", organizationId)
                        .param("name", name == null ? "" : name)
                        .param("limit", limit)
                        .param("offset", offset)
                        .query(new TeamRows())
                        .list();
        return new Slice<>(items, total);
    }

    /** The team with this name, formed when there is none (for a department named by the directory). */
    @Transactional
    public Team teamNamed(UUID organizationId, String name) {
        String clean = name.strip();
        return teams.findByOrganizationIdAndName(organizationId, clean)
                .orElseGet(() -> formTeam(organizationId, clean));
    }

    /** Forms a team: 409 ({@code TEAM_NAME_TAKEN}) when the organization has one of this name. */
    @Transactional
    public Team formTeam(UUID organizationId, String name) {
        String clean = name.strip();
        if (teams.findByOrganizationIdAndName(organizationId, clean).isPresent()) {
            throw teamNameTaken();
        }
        try {
            return teams.save(Team.form(organizationId, clean, null, clock.instant()));
        } catch (DuplicateKeyException race) {
            throw teamNameTaken();
        }
    }

    /** Renames a team: 409 ({@code TEAM_NAME_TAKEN}) when another team has this name. */
    @Transactional
    public Team renameTeam(UUID organizationId, UUID teamId, String name) {
        Team team = team(organizationId, teamId);
        String clean = name.strip();
        if (clean.equals(team.getName())) {
            return team;
        }
        if (teams.findByOrganizationIdAndName(organizationId, clean).isPresent()) {
            throw teamNameTaken();
        }
        team.rename(clean);
        return teams.save(team);
    }

    /** The members of a team (never guests) with their names, by id. */
    @Transactional(readOnly = true)
    public Map<UUID, Person> teamMembers(UUID organizationId, UUID teamId) {
        return people.peopleIn(organizationId, directory.memberIds(organizationId, List.of(teamId), false));
    }

    /** The members of the organization among these ids (never guests), by id. */
    @Transactional(readOnly = true)
    public Map<UUID, Person> membersIn(UUID organizationId, Set<UUID> ids) {
        Map<UUID, Person> found = new HashMap<>(people.peopleIn(organizationId, ids));
        found.values().removeIf(Person::isGuest);
        return found;
    }

    private void requireManager(UUID organizationId, UUID personId, UUID managerId) {
        if (managerId == null) {
            return;
        }
        Person manager = people.byId(managerId, organizationId)
                .filter(found -> !found.isGuest())
                .orElseThrow(() -> new RuleViolationException(
                        "UNKNOWN_PERSON", "managerId", "There is no such person in this organization."));
        if (manager.isDeactivated()) {
            throw People.left("managerId");
        }
        if (personId == null) {
            return;
        }
        Set<UUID> seen = new HashSet<>();
        UUID current = managerId;
        while (current != null && seen.add(current)) {
            if (current.equals(personId)) {
                throw new RuleViolationException(
                        "REPORTING_LOOP",
                        "managerId",
                        "This would make a loop in the reporting line: the new manager already reports,"
                                + " directly or indirectly, to this person.");
            }
            current = people.byId(current, organizationId)
                    .map(Person::getManagerId)
                    .orElse(null);
        }
    }

    private void requireTeam(UUID organizationId, UUID teamId) {
        if (teamId != null
                && teams.findByIdAndOrganizationId(teamId, organizationId).isEmpty()) {
            throw new RuleViolationException("UNKNOWN_TEAM", "teamId", "There is no such team in this organization.");
        }
    }

    private static ConflictException emailTaken() {
        return new ConflictException("EMAIL_TAKEN", "Someone in this organization already has this e-mail address.");
    }

    private static ConflictException teamNameTaken() {
        return new ConflictException("TEAM_NAME_TAKEN", "The organization already has a team of this name.");
    }
}
