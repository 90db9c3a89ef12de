package dev.kept.people;

import java.util.List;
import java.util.UUID;

/**
 * What inviting many people at once did: whom it invited, and the lines it left out with why
 * (the address came earlier in the list, or belongs to someone of the organization already).
 */
public record BulkInvitation(List<Invited> invited, List<Skipped> skipped) {

    public record Invited(int line, UUID personId, String name, String email) {}

    /** A line left out; {@code reason} is DUPLICATE, MEMBER, INVITED or GUEST. */
    public record Skipped(int line, String email, String reason, String message) {}

    /** One person to invite: the line (1 for the first) that names them, their name (may be blank), their e-mail. */
    public record Invitee(int line, String name, String email) {}
}
