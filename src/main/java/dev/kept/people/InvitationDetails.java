package dev.kept.people;

import java.time.Instant;

/** What the invitation page shows before the invited person sets a password. */
public record InvitationDetails(
        String organizationName, String personName, String email, Instant expiresAt, boolean guest) {}
