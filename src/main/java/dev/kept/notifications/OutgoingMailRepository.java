package dev.kept.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Reads the outbox; writes are the conditional updates of the delivery and the sender. */
interface OutgoingMailRepository extends Repository<OutgoingMail, UUID> {

    Optional<OutgoingMail> findById(UUID id);

    /** A page of the organization's e-mails that are not between partners, newest first, after a position. */
    @Query("""
            select * from outgoing_mail
             where organization_id = :organizationId and confidential = false
               and (created_at < :createdAt or (created_at = :createdAt and id < :id))
             order by created_at desc, id desc
             limit :limit""")
    List<OutgoingMail> pageOf(UUID organizationId, Instant createdAt, UUID id, int limit);
}
