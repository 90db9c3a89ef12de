package dev.kept.notifications;

import dev.kept.people.Caller;
import dev.kept.shared.Cursor;
import dev.kept.shared.Page;
import dev.kept.shared.StorableTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's in-app notifications. A notification says who did what and links to it; it never
 * quotes confidential text (a commitment, a challenge), so the inbox leaks nothing even on a shared
 * screen. Each is written once per key, so a listener that runs twice adds nothing.
 */
@Service
public class Inbox {

    /** One notification as its recipient sees it. */
    public record Notice(UUID id, String kind, String text, String link, Instant createdAt, boolean read) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    void tell(UUID organizationId, UUID personId, String dedupKey, String kind, String text, String link) {
        if (jdbc.sql("select count(*) from notification where dedup_key = :key")
                        .param("key", dedupKey)
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        // the same event delivered twice at once: the first insert wins, the second adds nothing (and,
        // unlike a failed insert, leaves the listener's transaction usable on PostgreSQL)
        jdbc.sql("""
                        insert into notification
                            (id, organization_id, person_id, dedup_key, kind, text, link, created_at, version)
                        values (:id, :organization, :person, :key, :kind, :text, :link, :now, 0)
                        on conflict do nothing""")
                .param("id", UUID.randomUUID())
                .param("organization", organizationId)
                .param("person", personId)
                .param("key", dedupKey)
                .param("kind", kind)
                .param("text", text.length() > 300 ? text.substring(0, 300) : text)
                .param("link", link)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    // later than any notification: where the newest-first inbox starts
    private static final Cursor NEWEST = new Cursor("9999-12-31T00:00:00Z", new UUID(-1L, -1L));

    /**
     * A page of the caller's notifications, newest first (each says whether it was read); the
     * cursor carries the time and id of the last one of the page before, and one that does not
     * parse answers 400.
     */
    @Transactional(readOnly = true)
    public Page<Notice> page(Caller caller, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Inbox::storableInstant, NEWEST);
        List<Notice> rows = jdbc.sql("""
                        select id, kind, text, link, created_at, read_at from notification
                         where organization_id = :organization and person_id = :person
                           and (created_at < :before or (created_at = :before and id < :beforeId))
                         order by created_at desc, id desc
                         limit :rows""")
                .param("organization", caller.organizationId())
                .param("person", caller.personId())
                .param("before", Timestamp.from(Instant.parse(after.position())))
                .param("beforeId", after.id())
                .param("rows", limit + 1)
                .query((rs, row) -> new Notice(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("text"),
                        rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") != null))
                .list();
        return Page.of(rows, limit, last -> new Cursor(last.createdAt().toString(), last.id()));
    }

    private static Instant storableInstant(String text) {
        Instant instant = Instant.parse(text);
        if (!StorableTime.contains(instant)) {
            throw new IllegalArgumentException("not a time the database keeps: " + text);
        }
        return instant;
    }

    @Transactional(readOnly = true)
    public long unread(Caller caller) {
        return jdbc.sql("""
                        select count(*) from notification
                         where organization_id = :organization and person_id = :person and read_at is null""")
                .param("organization", caller.organizationId())
                .param("person", caller.personId())
                .query(Long.class)
                .single();
    }

    /** Marks all the caller's notifications read. */
    @Transactional
    public int markAllRead(Caller caller) {
        return jdbc.sql("""
                        update notification set read_at = :now, version = version + 1
                         where organization_id = :organization and person_id = :person and read_at is null""")
                .param("now", Timestamp.from(clock.instant()))
                .param("organization", caller.organizationId())
                .param("person", caller.personId())
                .update();
    }
}
