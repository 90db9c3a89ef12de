package dev.kept.partnerships;

/** How often the partners mean to meet. */
public enum Cadence {
    WEEKLY,
    BIWEEKLY,
    MONTHLY
}
