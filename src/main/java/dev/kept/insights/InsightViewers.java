package dev.kept.insights;

import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.shared.Cursor;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see the organization's effect study: its admins, and the members an admin allows by
 * e-mail (and may remove again). Anyone else, and every guest, is answered as if the study did not
 * exist (404); only admins see and change the list of those allowed, on its page and over the API.
 */
@Service
public class InsightViewers {

    /** Someone an admin allowed to see the study, and when. */
    public record Viewer(UUID personId, String name, String email, Instant addedAt) {}

    private static final Cursor FIRST =
            new Cursor(Instant.parse("9999-12-31T00:00:00Z").toString(), new UUID(-1, -1));

    private final People people;
    private final JdbcClient jdbc;
    private final Clock clock;

    InsightViewers(People people, JdbcClient jdbc, Clock clock) {
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the caller may see the organization's effect study. */
    @Transactional(readOnly = true)
    public boolean maySee(Caller caller) {
        return maySee(people.me(caller));
    }

    /** Whether this person (the caller, already read) may see their organization's effect study. */
    @Transactional(readOnly = true)
    public boolean maySee(Person person) {
        if (person.isGuest() || !person.isActive()) {
            return false;
        }
        return person.isAdmin() || allowed(person.getOrganizationId(), person.getId());
    }

    /** Fails as if the study did not exist unless the caller may see it. */
    @Transactional(readOnly = true)
    public void requireViewer(Caller caller) {
        if (!maySee(caller)) {
            throw new NotFoundException("Page");
        }
    }

    /** A page of the people allowed, the most recently allowed first; admins only. */
    @Transactional(readOnly = true)
    public Page<Viewer> viewers(Caller caller, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Instant::parse, FIRST);
        admin(caller);
        record Row(UUID personId, Instant addedAt) {}
        List<Row> rows = jdbc.sql("""
                        select person_id, added_at from insight_viewer
                         where organization_id = :organization
                           and (added_at < :before or (added_at = :before and person_id < :id))
                         order by added_at desc, person_id desc
                         limit :rows""")
                .param("organization", caller.organizationId())
                .param("before", Timestamp.from(Instant.parse(after.position())))
                .param("id", after.id())
                .param("rows", limit + 1)
                .query((rs, n) -> new Row(
                        rs.getObject("person_id", UUID.class),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
        Map<UUID, Person> named = people.peopleIn(
                caller.organizationId(), rows.stream().map(Row::personId).toList());
        List<Viewer> viewers = rows.stream()
                .filter(row -> named.containsKey(row.personId()))
                .map(row -> {
                    Person person = named.get(row.personId());
                    return new Viewer(row.personId(), person.getName(), person.getEmail(), row.addedAt());
                })
                .toList();
        return Page.of(viewers, limit, viewer -> new Cursor(viewer.addedAt().toString(), viewer.personId()));
    }

    /**
     * Allows the member with this e-mail to see the study; admins only. An address of no member of
     * the organization (or of a guest) is refused naming the field {@code email} (422).
     */
    @Transactional
    public UUID allow(Caller caller, String email) {
        admin(caller);
        UUID person = people.memberByEmail(caller, email, "email");
        if (person == null) {
            throw new RuleViolationException(
                    "UNKNOWN_PERSON", "email", "Give the e-mail address of a member of this organization.");
        }
        insert(caller, person);
        return person;
    }

    /**
     * Allows the member with this id to see the study, and answers them as the list shows them;
     * nothing changes when they already may (the first allowing stands). Admins only. The id is taken
     * as the client sent it: one that is no id at all, or the id of no member of the organization
     * (unknown, of another organization, or a guest's, whom the study is never shown to), is refused
     * naming the field {@code personId} (422), after the admin check, so others learn nothing.
     */
    @Transactional
    public Viewer allowPerson(Caller caller, String personId) {
        admin(caller);
        Person person = member(caller, id(personId));
        Instant addedAt = insert(caller, person.getId());
        return new Viewer(person.getId(), person.getName(), person.getEmail(), addedAt);
    }

    /** No longer allows this person to see the study (nothing happens if they were not allowed); admins only. */
    @Transactional
    public void remove(Caller caller, UUID personId) {
        admin(caller);
        delete(caller, personId);
    }

    /**
     * No longer allows the member with this id to see the study; nothing happens if they were not
     * allowed, so asking twice answers the same. Admins only. The id is refused as by {@link
     * #allowPerson} when it names no member of the organization and no one allowed.
     */
    @Transactional
    public void withdraw(Caller caller, String personId) {
        admin(caller);
        UUID id = id(personId);
        if (delete(caller, id) == 0) {
            member(caller, id);
        }
    }

    /** Whether the caller is an admin, who manages the list (for the page to offer it). */
    @Transactional(readOnly = true)
    public boolean manages(Caller caller) {
        Person me = people.me(caller);
        return me.isAdmin() && me.isActive();
    }

    private void admin(Caller caller) {
        if (!manages(caller)) {
            throw new NotFoundException("Page");
        }
    }

    /** A member (not a guest) of the caller's organization, or the refusal naming {@code personId}. */
    private Person member(Caller caller, UUID personId) {
        return people.personIn(caller.organizationId(), personId)
                .filter(person -> !person.isGuest())
                .orElseThrow(InsightViewers::unknownPerson);
    }

    /** The id a client sent; one that does not read as an id names no one, and is refused alike. */
    private static UUID id(String personId) {
        try {
            return UUID.fromString(personId);
        } catch (IllegalArgumentException notAnId) {
            throw unknownPerson();
        }
    }

    private static RuleViolationException unknownPerson() {
        return new RuleViolationException(
                "UNKNOWN_PERSON", "personId", "There is no such member in this organization: give a member's id.");
    }

    /**
     * Allows the person unless they already are (two admins at once included); when they were
     * allowed, in either case.
     */
    private Instant insert(Caller caller, UUID person) {
        jdbc.sql("""
                        insert into insight_viewer (organization_id, person_id, added_by, added_at)
                        values (:organization, :person, :by, :now)
                        on conflict do nothing""")
                .param("organization", caller.organizationId())
                .param("person", person)
                .param("by", caller.personId())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("""
                        select added_at from insight_viewer
                         where organization_id = :organization and person_id = :person""")
                .param("organization", caller.organizationId())
                .param("person", person)
                .query((rs, n) -> rs.getTimestamp("added_at").toInstant())
                .single();
    }

    private int delete(Caller caller, UUID person) {
        return jdbc.sql("delete from insight_viewer where organization_id = :organization and person_id = :person")
                .param("organization", caller.organizationId())
                .param("person", person)
                .update();
    }

    private boolean allowed(UUID organizationId, UUID personId) {
        return jdbc.sql("""
                        select count(*) from insight_viewer
                         where organization_id = :organization and person_id = :person""")
                        .param("organization", organizationId)
                        .param("person", personId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
