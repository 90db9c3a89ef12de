package dev.kept.notifications;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Reads the outbox; writes are the conditional updates of the delivery and the sender. */
interface OutgoingMailRepository extends Repository<OutgoingMail, UUID> {

    Optional<OutgoingMail> findById(UUID id);

    List<OutgoingMail> findTop100ByOrganizationIdAndConfidentialFalseOrderByCreatedAtDesc(UUID organizationId);
}
