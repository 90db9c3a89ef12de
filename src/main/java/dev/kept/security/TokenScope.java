package dev.kept.security;

/** What an API token may do. */
public enum TokenScope {
    /** Only read: any request other than GET or HEAD answers 403. */
    READ_ONLY,
    /** Everything its person may do. */
    READ_WRITE
}
