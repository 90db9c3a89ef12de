package dev.kept.people;

/** The organization that was just created, and its first admin. */
public record SignedUp(Organization organization, Person admin) {}
