package dev.kept.partnerships;

import dev.kept.people.Caller;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What a partnership's page offers its owner side: their open commitments for partners not yet
 * shared through it, and sharing chosen ones there in one step. Sharing is decided when the owner
 * shares, so a partner who came later sees an older commitment only once it is shared with them.
 * The module that owns commitments implements it; this module only shows it.
 */
public interface PartnershipSharing {

    /** One commitment that could be shared: what it is and when it is due. */
    record Shareable(UUID id, String what, LocalDate due) {}

    /** A page of them, soonest due first; {@code next} is the cursor of the next page, null at the end. */
    record Page(List<Shareable> items, String next) {}

    /**
     * The caller's open commitments for partners not shared through this partnership of theirs,
     * after {@code cursor} (null: from the start), at most {@code limit}. A partnership that is not
     * the caller's to share through answers 404.
     */
    Page notSharedWith(Caller caller, UUID partnershipId, String cursor, int limit);

    /**
     * Shares the caller's chosen commitments for partners through this partnership of theirs;
     * answers how many were not shared there before. A commitment that is not the caller's, or not
     * for partners, answers 422 and shares nothing.
     */
    int share(Caller caller, UUID partnershipId, Collection<UUID> commitmentIds);
}
