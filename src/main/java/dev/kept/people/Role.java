package dev.kept.people;

/**
 * What a person may do in their organization beyond their own work. A guest comes from outside
 * the organization as someone's accountability partner and sees only their partnerships and what
 * is shared with them: not the directory, the teams or the organization's commitments.
 */
public enum Role {
    MEMBER,
    ADMIN,
    GUEST
}
