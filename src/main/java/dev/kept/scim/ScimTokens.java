package dev.kept.scim;

import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.RuleViolationException;
import dev.kept.shared.SecretTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bearer tokens an organization's identity provider uses for directory sync: created by an
 * admin and shown once, stored as a hash, revocable. They work on {@code /scim/v2} only, for the
 * organization, not for a person; personal API tokens do not work there.
 */
@Service
public class ScimTokens {

    static final String PREFIX = "kept_scim_";
    /** An organization keeps few tokens (one per identity provider): the list is not paged. */
    static final int MOST = 20;

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final People people;
    private final Clock clock;

    ScimTokens(JdbcClient jdbc, People people, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.clock = clock;
    }

    /** A token as it is created: its secret, shown this once. */
    public record IssuedScimToken(UUID id, String name, String token, Instant createdAt) {}

    /** A working token as the admin sees it: never the secret. */
    public record ScimTokenSummary(UUID id, String name, Instant createdAt, Instant lastUsedAt) {}

    /** An admin creates a token for the organization's identity provider (403 for anyone else). */
    @Transactional
    public IssuedScimToken create(Caller caller, String name) {
        people.requireAdmin(caller);
        long working = jdbc.sql("select count(*) from scim_token where organization_id = :org and revoked_at is null")
                .param("org", caller.organizationId())
                .query(Long.class)
                .single();
        if (working >= MOST) {
            throw new RuleViolationException(
                    "TOO_MANY_SCIM_TOKENS", "name", "Revoke a directory sync token before creating another.");
        }
        String token = SecretTokens.generate(PREFIX);
        String label = name == null || name.isBlank() ? "Directory sync" : name.strip();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                insert into scim_token (id, organization_id, created_by, name, token_hash, created_at)
                values (:id, :org, :by, :name, :hash, :now)""")
                .param("id", id)
                .param("org", caller.organizationId())
                .param("by", caller.personId())
                .param("name", label)
                .param("hash", SecretTokens.hash(token))
                .param("now", Timestamp.from(now))
                .update();
        return new IssuedScimToken(id, label, token, now);
    }

    /** The organization's working tokens, newest first (403 for anyone but an admin). */
    @Transactional(readOnly = true)
    public List<ScimTokenSummary> list(Caller caller) {
        people.requireAdmin(caller);
        return jdbc.sql("""
                select id, name, created_at, last_used_at from scim_token
                 where organization_id = :org and revoked_at is null
                 order by created_at desc, id desc
                 limit :most""")
                .param("org", caller.organizationId())
                .param("most", MOST)
                .query((rs, row) -> new ScimTokenSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null
                                ? null
                                : rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    /** An admin revokes a token of the organization: it stops at its next request. 404 for any other. */
    @Transactional
    public void revoke(Caller caller, UUID id) {
        people.requireAdmin(caller);
        int revoked = jdbc.sql("""
                update scim_token set revoked_at = :now
                 where id = :id and organization_id = :org and revoked_at is null""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .param("org", caller.organizationId())
                .update();
        if (revoked == 0) {
            throw new NotFoundException("Directory sync token");
        }
    }

    /** The organization a working token stands for; its last use is written at most once a minute. */
    @Transactional
    Optional<ScimClient> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Found> found = jdbc.sql("""
                select id, organization_id, last_used_at from scim_token
                 where token_hash = :hash and revoked_at is null""")
                .param("hash", SecretTokens.hash(token))
                .query((rs, row) -> new Found(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getTimestamp("last_used_at") == null
                                ? null
                                : rs.getTimestamp("last_used_at").toInstant()))
                .optional();
        found.filter(f -> f.lastUsedAt() == null || f.lastUsedAt().isBefore(now.minus(TOUCH_EVERY)))
                .ifPresent(f -> touch(f.id(), now));
        return found.map(f -> new ScimClient(f.organizationId(), f.id()));
    }

    private record Found(UUID id, UUID organizationId, Instant lastUsedAt) {}

    private void touch(UUID id, Instant now) {
        jdbc.sql("update scim_token set last_used_at = :now where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }
}
