package dev.kept.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Who an admin invites: name and e-mail, and where they sit in the organization. */
public record PersonDetails(
        @NotBlank @Size(max = 120) String name,

        @NotBlank @Size(max = 254) @Email(regexp = ".+@.+\\..+")
        String email,

        @Size(max = 120) String title,
        UUID teamId,
        @Size(max = 80) String region,
        UUID managerId) {}
