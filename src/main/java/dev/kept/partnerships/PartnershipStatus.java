package dev.kept.partnerships;

/**
 * Where a partnership stands. Only an active one lets anything be seen through it; a suspended
 * one was stopped because the two people ended up in one reporting line.
 */
public enum PartnershipStatus {
    INVITED,
    ACTIVE,
    PAUSED,
    SUSPENDED,
    DECLINED,
    ENDED,
    /** An invitation nobody answered before it lapsed. */
    LAPSED;

    boolean isOpen() {
        return this != DECLINED && this != ENDED && this != LAPSED;
    }
}
