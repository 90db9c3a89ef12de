package dev.kept.export;

import dev.kept.people.Caller;
import dev.kept.shared.ConflictException;
import dev.kept.shared.Cursor;
import dev.kept.shared.GoneException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.StorableTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's exports of their own data. Asking answers at once with a pending export; the
 * background job ({@link #buildPending()}) builds it into a ZIP kept in the database, so that any
 * instance can hand it out, and tells the person ({@link ExportReady}). The archive is handed out
 * once, to the person who asked, until it expires: then it is deleted, and its link answers 410.
 * An export of someone else answers exactly like one that does not exist.
 */
@Service
public class Exports {

    /** An archive being downloaded: the file name to save it under, and its bytes. */
    public record Download(String fileName, byte[] archive) {}

    private static final Logger log = LoggerFactory.getLogger(Exports.class);

    // later than any export: where the newest-first list starts
    private static final Cursor NEWEST = new Cursor("9999-12-31T00:00:00Z", new UUID(-1L, -1L));

    private static final String COLUMNS = "id, status, requested_at, ready_at, expires_at, downloaded_at, size_bytes";

    private final JdbcClient jdbc;
    private final PersonData data;
    private final ExportArchive archives;
    private final ExportProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Exports(
            JdbcClient jdbc,
            PersonData data,
            ExportArchive archives,
            ExportProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.data = data;
        this.archives = archives;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Asks for an export of everything of the caller's. While one is still waiting to be built,
     * asking again answers that one rather than queueing another.
     */
    @Transactional
    public ExportView request(Caller caller) {
        Optional<ExportView> waiting = jdbc.sql("select " + COLUMNS + """
                         from person_export
                        where organization_id = :organization and person_id = :person and status = 'PENDING'
                        order by requested_at, id
                        limit 1""")
                .param("organization", caller.organizationId())
                .param("person", caller.personId())
                .query(this::view)
                .optional();
        if (waiting.isPresent()) {
            return waiting.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into person_export (id, organization_id, person_id, status, requested_at, version)
                        values (:id, :organization, :person, 'PENDING', :now, 0)""")
                .param("id", id)
                .param("organization", caller.organizationId())
                .param("person", caller.personId())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return one(caller, id);
    }

    /**
     * A page of the caller's exports, newest first; the cursor carries the time and id of the last
     * one of the page before, and one that does not parse answers 400.
     */
    @Transactional(readOnly = true)
    public Page<ExportView> page(Caller caller, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, StorableTime::instant, NEWEST);
        List<ExportView> rows = jdbc.sql("select " + COLUMNS + """
                         from person_export
                        where organization_id = :organization and person_id = :person
                          and (requested_at < :before or (requested_at = :before and id < :beforeId))
                        order by requested_at desc, id desc
                        limit :rows""")
                .param("organization", caller.organizationId())
                .param("person", caller.personId())
                .param("before", Timestamp.from(Instant.parse(after.position())))
                .param("beforeId", after.id())
                .param("rows", limit + 1)
                .query(this::view)
                .list();
        return Page.of(rows, limit, last -> new Cursor(last.requestedAt().toString(), last.id()));
    }

    /** One of the caller's exports; anyone else's answers 404. */
    @Transactional(readOnly = true)
    public ExportView one(Caller caller, UUID id) {
        return jdbc.sql("select " + COLUMNS + """
                         from person_export
                        where id = :id and organization_id = :organization and person_id = :person""")
                .param("id", id)
                .param("organization", caller.organizationId())
                .param("person", caller.personId())
                .query(this::view)
                .optional()
                .orElseThrow(Exports::notFound);
    }

    /**
     * Hands out the caller's archive, once: the archive is deleted in the same transaction, so a
     * second download (or one racing this) answers 410, as does one after it expired. Anyone
     * else's export answers 404; one not built yet, 409.
     */
    @Transactional
    public Download download(Caller caller, UUID id) {
        record Stored(ExportStatus status, Instant expiresAt, byte[] archive) {}
        Stored stored = jdbc.sql("""
                        select status, expires_at, archive from person_export
                         where id = :id and organization_id = :organization and person_id = :person
                           for update""")
                .param("id", id)
                .param("organization", caller.organizationId())
                .param("person", caller.personId())
                .query((rs, row) -> new Stored(
                        ExportStatus.valueOf(rs.getString("status")),
                        instant(rs, "expires_at"),
                        rs.getBytes("archive")))
                .optional()
                .orElseThrow(Exports::notFound);
        Instant now = clock.instant();
        switch (stored.status()) {
            case PENDING -> throw new ConflictException("not-ready", "This export is not ready yet.");
            case FAILED -> throw new ConflictException("failed", "This export could not be built: ask for a new one.");
            case DOWNLOADED ->
                throw new GoneException(
                        "This export was already downloaded, and its link works once: ask for a new one.");
            case EXPIRED -> throw expired();
            case READY -> {
                if (!now.isBefore(stored.expiresAt())) {
                    throw expired();
                }
            }
        }
        jdbc.sql("""
                        update person_export
                           set status = 'DOWNLOADED', downloaded_at = :now, archive = null, version = version + 1
                         where id = :id""").param("now", Timestamp.from(now)).param("id", id).update();
        String day = stored.expiresAt()
                .minus(properties.linkValidFor())
                .atOffset(ZoneOffset.UTC)
                .toLocalDate()
                .toString();
        return new Download("kept-export-" + day + ".zip", stored.archive());
    }

    /**
     * Builds the exports waiting, the oldest first, at most a batch a run, each in its own
     * transaction with the {@link ExportReady} event it publishes. One that fails is marked failed
     * and the others go on. Answers how many were built.
     */
    public int buildPending() {
        record Waiting(UUID id, UUID organizationId, UUID personId) {}
        List<Waiting> waiting = jdbc.sql("""
                        select id, organization_id, person_id from person_export
                         where status = 'PENDING'
                         order by requested_at, id
                         limit :batch""")
                .param("batch", properties.batch())
                .query((rs, row) -> new Waiting(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("person_id", UUID.class)))
                .list();
        int built = 0;
        for (Waiting export : waiting) {
            try {
                Boolean done =
                        transactions.execute(status -> build(export.id(), export.organizationId(), export.personId()));
                built += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException failure) {
                log.error("The export {} could not be built", export.id(), failure);
                jdbc.sql("update person_export set status = 'FAILED', version = version + 1 where id = :id"
                                + " and status = 'PENDING'")
                        .param("id", export.id())
                        .update();
            }
        }
        return built;
    }

    private boolean build(UUID id, UUID organizationId, UUID personId) {
        Instant now = clock.instant();
        byte[] archive = archives.write(personId.toString(), now, data.of(organizationId, personId, now));
        Instant expiresAt = now.plus(properties.linkValidFor());
        int marked = jdbc.sql("""
                        update person_export
                           set status = 'READY', ready_at = :now, expires_at = :expires, archive = :archive,
                               size_bytes = :size, version = version + 1
                         where id = :id and status = 'PENDING'""")
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .param("archive", archive)
                .param("size", (long) archive.length)
                .param("id", id)
                .update();
        if (marked == 1) {
            events.publishEvent(new ExportReady(id, organizationId, personId, expiresAt));
        }
        return marked == 1;
    }

    /**
     * Deletes the archives not downloaded in time (the export stays listed as expired) and forgets
     * every export asked for longer ago than {@code kept.export.forget-after}: two statements,
     * whatever their number. Answers how many archives expired.
     */
    @Transactional
    public int forgetOld() {
        Instant now = clock.instant();
        int expired = jdbc.sql("""
                        update person_export set status = 'EXPIRED', archive = null, version = version + 1
                         where status = 'READY' and expires_at <= :now""").param("now", Timestamp.from(now)).update();
        jdbc.sql("delete from person_export where requested_at < :before")
                .param("before", Timestamp.from(now.minus(properties.forgetAfter())))
                .update();
        return expired;
    }

    private ExportView view(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        ExportStatus status = ExportStatus.valueOf(rs.getString("status"));
        Instant expiresAt = instant(rs, "expires_at");
        if (status == ExportStatus.READY && !clock.instant().isBefore(expiresAt)) {
            status = ExportStatus.EXPIRED; // the job has not deleted it yet
        }
        Long size = rs.getObject("size_bytes", Long.class);
        return new ExportView(
                id,
                status,
                instant(rs, "requested_at"),
                instant(rs, "ready_at"),
                expiresAt,
                instant(rs, "downloaded_at"),
                size,
                status == ExportStatus.READY ? "/api/v1/me/exports/" + id + "/download" : null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("The export");
    }

    private static GoneException expired() {
        return new GoneException("This export expired: its link no longer works. Ask for a new one.");
    }
}
