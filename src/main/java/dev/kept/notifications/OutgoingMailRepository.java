package dev.kept.notifications;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface OutgoingMailRepository extends ListCrudRepository<OutgoingMail, UUID> {

    boolean existsByDedupKey(String dedupKey);

    List<OutgoingMail> findTop100ByOrganizationIdAndConfidentialFalseOrderByCreatedAtDesc(UUID organizationId);
}
