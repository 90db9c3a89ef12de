package dev.kept.partnerships;

/**
 * A peer partnership holds both sides accountable; with a coach or a mentor, the invited partner
 * holds the inviter accountable, and nothing flows the other way.
 */
public enum PartnershipKind {
    PEER,
    COACH,
    MENTOR
}
