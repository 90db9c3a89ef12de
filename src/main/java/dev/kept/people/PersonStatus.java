package dev.kept.people;

/**
 * An invited person becomes active when they set a password through their invitation link. A
 * deactivated person left the organization: they cannot sign in, and their past contributions
 * stay under their name.
 */
public enum PersonStatus {
    INVITED,
    ACTIVE,
    DEACTIVATED
}
