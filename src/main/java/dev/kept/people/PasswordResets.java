package dev.kept.people;

import dev.kept.shared.GoneException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.SecretTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links to choose a new password when the old one is forgotten: a link works once, for an hour,
 * and only a hash of its token is kept. Choosing a new password ends every browser session of the
 * person ({@link Person#getPasswordChangedAt}). Whether an account may have a password at all
 * (single sign-on) is for the caller to decide.
 */
@Service
public class PasswordResets {

    /** How long a link works. */
    public static final Duration VALID_FOR = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final PersonRepository persons;
    private final People people;
    private final Accounts accounts;
    private final PeopleProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasswordResets(
            JdbcClient jdbc,
            PersonRepository persons,
            People people,
            Accounts accounts,
            PeopleProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.people = people;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** The active accounts with this e-mail (one per organization), who may be sent a link. */
    @Transactional(readOnly = true)
    public List<Caller> activeAccounts(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return List.of();
        }
        return persons.findByEmailAndStatus(People.normalize(email), PersonStatus.ACTIVE.name()).stream()
                .map(person -> new Caller(person.getId(), person.getOrganizationId(), person.getName()))
                .toList();
    }

    /** Creates a link for this account and has it e-mailed ({@link PasswordResetRequested}). */
    @Transactional
    public void send(Caller account) {
        Person person = people.byId(account.personId(), account.organizationId())
                .filter(Person::isActive)
                .orElseThrow(() -> new NotFoundException("Person"));
        String token = SecretTokens.generate("");
        // as the databases keep it (PostgreSQL rounds to the microsecond): the link ends on the hour
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = now.plus(VALID_FOR);
        jdbc.sql("""
                        insert into password_reset (token_hash, organization_id, person_id, created_at, expires_at)
                        values (:hash, :organization, :person, :now, :expires)""")
                .param("hash", SecretTokens.hash(token))
                .param("organization", person.getOrganizationId())
                .param("person", person.getId())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
        events.publishEvent(new PasswordResetRequested(
                person.getOrganizationId(),
                person.getId(),
                UUID.randomUUID(),
                person.getEmail(),
                person.getName(),
                Invitations.stripTrailingSlash(properties.baseUrl()) + "/reset-password/" + token,
                expiresAt));
    }

    /** The account a link is for: 404 when unknown, 410 when used, expired, or its person was deactivated. */
    @Transactional(readOnly = true)
    public Caller account(String token) {
        Link link = open(token);
        return new Caller(link.personId(), link.organizationId(), null);
    }

    /**
     * Sets the new password of the link's person (422 on field {@code password} when it is not
     * acceptable); the link cannot be used again, and every session of the person ends.
     */
    @Transactional
    public void reset(String token, String password) {
        Link link = open(token);
        Person person = people.byId(link.personId(), link.organizationId()).orElseThrow();
        accounts.setPassword(person, password);
        int used = jdbc.sql("update password_reset set used_at = :now where token_hash = :hash and used_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("hash", link.hash())
                .update();
        if (used == 0) {
            // the same link, used at the same moment elsewhere: this one changes nothing
            throw used();
        }
    }

    private static GoneException used() {
        return new GoneException(
                "This link to choose a new password was already used or has expired: ask for a new one.");
    }

    private record Link(String hash, UUID organizationId, UUID personId, Instant expiresAt, Timestamp usedAt) {}

    private Link open(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new NotFoundException("Password reset link");
        }
        String hash = SecretTokens.hash(token);
        Link link = jdbc.sql("""
                        select token_hash, organization_id, person_id, expires_at, used_at
                          from password_reset where token_hash = :hash""")
                .param("hash", hash)
                .query((rs, row) -> new Link(
                        rs.getString("token_hash"),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("person_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at")))
                .optional()
                .orElseThrow(() -> new NotFoundException("Password reset link"));
        boolean active = people.byId(link.personId(), link.organizationId())
                .map(Person::isActive)
                .orElse(false);
        if (link.usedAt() != null || !clock.instant().isBefore(link.expiresAt()) || !active) {
            throw used();
        }
        return link;
    }
}
