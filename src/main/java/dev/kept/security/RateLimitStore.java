package dev.kept.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buckets of {@link LoginThrottle} and {@link AddressLimits}, in the {@code rate_limit} table
 * that every instance shares. A bucket changes only through {@link #apply}: read it, let the rule
 * decide, and write the result on condition that nobody wrote in between (its version), or else
 * read again. So attempts on several instances at the same moment are decided one after the
 * other, on H2 as on PostgreSQL, and no more go through than one instance would let through.
 *
 * <p>Each call commits on its own, whatever transaction its caller is in: a counted attempt stays
 * counted when the caller's work fails (a wrong password) and rolls back.
 */
@Repository
class RateLimitStore {

    // past this many lost races on one bucket the attempt is refused: only a flood gets here
    private static final int TRIES = 25;
    private static final Duration CONTENDED = Duration.ofSeconds(1);

    private final JdbcClient jdbc;

    RateLimitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A bucket's state: its attempts, when it started counting, the last one, and a wait it imposes. */
    record Bucket(int hits, Instant startedAt, Instant lastAt, Instant blockedUntil) {}

    /**
     * What a rule makes of an attempt: the bucket to write and until when it matters, nothing to
     * write, or how long to wait.
     */
    record Decision(Bucket next, Instant expiresAt, Duration retryAfter) {

        static Decision allow(Bucket next, Instant expiresAt) {
            return new Decision(next, expiresAt, null);
        }

        static Decision unchanged() {
            return new Decision(null, null, null);
        }

        static Decision refuse(Duration retryAfter) {
            return new Decision(
                    null, null, retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofMillis(1) : retryAfter);
        }

        boolean allowed() {
            return retryAfter == null;
        }
    }

    /** A limit's rule: from the bucket as it is (empty when there is none) to a decision. */
    @FunctionalInterface
    interface Rule {
        Decision decide(Optional<Bucket> current);
    }

    private record Row(Bucket bucket, long version) {}

    /**
     * The clock's time as the table keeps it (to the microsecond), so that what a rule compares
     * with the stored times is what it would have stored itself.
     */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Decision apply(String key, Rule rule) {
        for (int attempt = 0; attempt < TRIES; attempt++) {
            Optional<Row> row = read(key);
            Decision decision = rule.decide(row.map(Row::bucket));
            if (!decision.allowed() || decision.next() == null) {
                return decision;
            }
            boolean written = row.isEmpty()
                    ? insert(key, decision)
                    : update(key, decision, row.get().version());
            if (written) {
                return decision;
            }
        }
        return Decision.refuse(CONTENDED);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Optional<Bucket> bucket(String key) {
        return read(key).map(Row::bucket);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void delete(String key) {
        jdbc.sql("delete from rate_limit where bucket = :bucket")
                .param("bucket", key)
                .update();
    }

    /** Deletes the buckets that no longer count; answers how many. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int deleteExpired(Instant now) {
        return jdbc.sql("delete from rate_limit where expires_at < :now")
                .param("now", Timestamp.from(now))
                .update();
    }

    private Optional<Row> read(String key) {
        return jdbc.sql("""
                        select hits, started_at, last_at, blocked_until, version
                        from rate_limit where bucket = :bucket""")
                .param("bucket", key)
                .query((rs, n) -> new Row(
                        new Bucket(
                                rs.getInt("hits"),
                                rs.getTimestamp("started_at").toInstant(),
                                rs.getTimestamp("last_at").toInstant(),
                                rs.getTimestamp("blocked_until").toInstant()),
                        rs.getLong("version")))
                .optional();
    }

    private boolean insert(String key, Decision decision) {
        return jdbc.sql("""
                        insert into rate_limit (bucket, hits, started_at, last_at, blocked_until, expires_at, version)
                        values (:bucket, :hits, :startedAt, :lastAt, :blockedUntil, :expiresAt, 0)
                        on conflict do nothing""").params(columns(key, decision)).update() == 1;
    }

    private boolean update(String key, Decision decision, long version) {
        return jdbc.sql("""
                        update rate_limit
                        set hits = :hits, started_at = :startedAt, last_at = :lastAt, blocked_until = :blockedUntil,
                            expires_at = :expiresAt, version = version + 1
                        where bucket = :bucket and version = :version""")
                        .params(columns(key, decision))
                        .param("version", version)
                        .update()
                == 1;
    }

    /** The columns a decision writes, as the named parameters of the insert and the update. */
    private static java.util.Map<String, Object> columns(String key, Decision decision) {
        Bucket next = decision.next();
        return java.util.Map.of(
                "bucket", key,
                "hits", next.hits(),
                "startedAt", Timestamp.from(next.startedAt()),
                "lastAt", Timestamp.from(next.lastAt()),
                "blockedUntil", Timestamp.from(next.blockedUntil()),
                "expiresAt", Timestamp.from(decision.expiresAt()));
    }
}
