package dev.kept.people;

/** An invited person becomes active when they set a password through their invitation link. */
public enum PersonStatus {
    INVITED,
    ACTIVE
}
