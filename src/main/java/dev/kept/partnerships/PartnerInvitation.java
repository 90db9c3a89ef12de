package dev.kept.partnerships;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * An invitation to be someone's partner: a member by id, or anyone by e-mail (someone outside
 * the organization joins as a guest), the kind, and the inviter's opening terms.
 */
public record PartnerInvitation(
        UUID partnerId,
        @Size(max = 254) @Email(regexp = "|.+@.+\\..+") String email,
        @NotNull PartnershipKind kind,
        @Size(max = 1000) String message,
        Cadence cadence,
        @Size(max = 1000) String challengeMeOn) {}
