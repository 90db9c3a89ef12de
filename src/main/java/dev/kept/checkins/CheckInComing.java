package dev.kept.checkins;

import java.time.Instant;
import java.util.UUID;

/**
 * Published once per person and occurrence (and again only if the check-in moves) when a check-in
 * is as near as the person asked to be reminded: time to report progress on what they share.
 */
public record CheckInComing(UUID organizationId, UUID checkInId, UUID personId, UUID partnerId, Instant startsAt) {}
