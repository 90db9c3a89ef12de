package dev.kept.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What it takes to start an organization in Kept: its name and its first admin. */
public record SignUp(
        @NotBlank @Size(max = 120) String organization,
        @NotBlank @Size(max = 120) String name,

        @NotBlank @Size(max = 254) @Email(regexp = ".+@.+\\..+")
        String email,

        @AcceptablePassword String password,
        @Size(max = 64) String timeZone) {}
