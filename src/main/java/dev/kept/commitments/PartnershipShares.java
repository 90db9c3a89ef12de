package dev.kept.commitments;

import dev.kept.access.Visibility;
import dev.kept.partnerships.PartnershipSharing;
import dev.kept.partnerships.PartnershipView;
import dev.kept.partnerships.Partnerships;
import dev.kept.people.Caller;
import dev.kept.shared.Cursor;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.RuleViolationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sharing older commitments through one partnership, for the partnership's page and API. */
@Component
class PartnershipShares implements PartnershipSharing {

    static final int MOST_AT_ONCE = 100;

    /** Before the first commitment: the earliest date there is. A cursor that does not parse starts here. */
    private static final Cursor START = new Cursor(LocalDate.of(1, 1, 1).toString(), new UUID(0, 0));

    private final CommitmentRepository commitments;
    private final Partnerships partnerships;
    private final JdbcClient jdbc;
    private final Clock clock;

    PartnershipShares(CommitmentRepository commitments, Partnerships partnerships, JdbcClient jdbc, Clock clock) {
        this.commitments = commitments;
        this.partnerships = partnerships;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Page notSharedWith(Caller caller, UUID partnershipId, String cursor, int limit) {
        requireSharable(caller, partnershipId);
        Cursor after = Cursor.parse(cursor, LocalDate::parse).orElse(START);
        LocalDate afterDue = LocalDate.parse(after.position());
        List<Shareable> rows = jdbc.sql("""
                        select c.id, c.what, c.due from commitment c
                         where c.organization_id = :organization and c.owner_id = :owner
                           and c.status = 'OPEN' and c.visibility = 'PARTNERS'
                           and not exists (select 1 from commitment_share s
                                            where s.commitment_id = c.id and s.partnership_id = :partnership)
                           and (c.due > :due or (c.due = :due and c.id > :id))
                         order by c.due, c.id
                         limit :limit""")
                .param("organization", caller.organizationId())
                .param("owner", caller.personId())
                .param("partnership", partnershipId)
                .param("due", afterDue)
                .param("id", after.id())
                .param("limit", limit + 1)
                .query((rs, row) -> new Shareable(
                        rs.getObject("id", UUID.class), rs.getString("what"), rs.getObject("due", LocalDate.class)))
                .list();
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        Shareable last = rows.get(limit - 1);
        return new Page(
                List.copyOf(rows.subList(0, limit)), new Cursor(last.due().toString(), last.id()).encode());
    }

    @Override
    @Transactional
    public int share(Caller caller, UUID partnershipId, Collection<UUID> commitmentIds) {
        requireSharable(caller, partnershipId);
        Set<UUID> chosen = new LinkedHashSet<>(commitmentIds);
        if (chosen.isEmpty() || chosen.size() > MOST_AT_ONCE || chosen.contains(null)) {
            throw new RuleViolationException(
                    "COMMITMENTS",
                    "commitmentIds",
                    "Choose between 1 and " + MOST_AT_ONCE + " of your commitments to share.");
        }
        List<Commitment> changed = new ArrayList<>();
        for (UUID id : chosen) {
            Commitment commitment = commitments
                    .findByIdAndOrganizationId(id, caller.organizationId())
                    .filter(c -> c.getOwnerId().equals(caller.personId()))
                    .orElseThrow(() -> new RuleViolationException(
                            "UNKNOWN_COMMITMENT", "commitmentIds", "Share only your own commitments."));
            if (commitment.getVisibility() != Visibility.PARTNERS) {
                throw new RuleViolationException(
                        "NOT_FOR_PARTNERS",
                        "commitmentIds",
                        "Only a commitment for partners is shared with a partner: change who can see it first.");
            }
            if (commitment.shareAlsoWith(partnershipId, clock.instant())) {
                changed.add(commitment);
            }
        }
        commitments.saveAll(changed);
        return changed.size();
    }

    private void requireSharable(Caller caller, UUID partnershipId) {
        boolean mine =
                partnerships.sharable(caller).stream().map(PartnershipView::id).anyMatch(partnershipId::equals);
        if (!mine) {
            throw new NotFoundException("Partnership");
        }
    }
}
