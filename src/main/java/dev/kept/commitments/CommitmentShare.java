package dev.kept.commitments;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** One partnership a commitment with visibility {@code PARTNERS} is shared with. */
@Table("commitment_share")
record CommitmentShare(UUID partnershipId) {}
