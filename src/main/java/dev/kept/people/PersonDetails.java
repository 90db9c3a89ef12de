package dev.kept.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Who an admin invites: name and e-mail, and where they sit in the organization (level 1 is the most junior). */
public record PersonDetails(
        @NotBlank @Size(max = 120) String name,

        @NotBlank @Size(max = 254) @Email(regexp = ".+@.+\\..+")
        String email,

        @Size(max = 120) String title,
        UUID teamId,
        @Size(max = 80) String region,
        UUID managerId,
        @Min(1) @Max(20) Integer level) {}
