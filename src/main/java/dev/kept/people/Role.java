package dev.kept.people;

/** What a person may do in their organization beyond their own work. */
public enum Role {
    MEMBER,
    ADMIN
}
