package dev.kept.access;

/** Who, besides its owner, may see a piece of content. */
public enum Visibility {
    /** The owner (and, later, co-owners) only. */
    PRIVATE,
    /** The partners it is shared with; until partnerships exist, the owner only. */
    PARTNERS,
    /** The members of the owner's team. */
    TEAM,
    /** Every member of the owner's organization. */
    ORGANIZATION
}
