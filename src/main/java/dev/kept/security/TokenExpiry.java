package dev.kept.security;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * When a new API token stops working: a number of days from now (one of {@link #DAYS}), the end
 * of a chosen day in its person's time zone (at most {@value #LONGEST_DAYS} days ahead), or never,
 * which an organization's admins must allow.
 */
public sealed interface TokenExpiry {

    List<Integer> DAYS = List.of(7, 30, 90, 365);
    int LONGEST_DAYS = 365;
    int DEFAULT_DAYS = 90;
    TokenExpiry DEFAULT = new InDays(DEFAULT_DAYS);

    /** The instant the token stops working, or null for never; {@link TokenChoiceException} for a day out of range. */
    Instant expiresAt(Instant now, String timeZone);

    record InDays(int days) implements TokenExpiry {
        @Override
        public Instant expiresAt(Instant now, String timeZone) {
            return now.plus(Duration.ofDays(days));
        }
    }

    /** Works through this day, in its person's time zone. */
    record OnDate(LocalDate date) implements TokenExpiry {
        @Override
        public Instant expiresAt(Instant now, String timeZone) {
            ZoneId zone = zone(timeZone);
            LocalDate today = now.atZone(zone).toLocalDate();
            if (!date.isAfter(today) || date.isAfter(today.plusDays(LONGEST_DAYS))) {
                throw new TokenChoiceException(
                        "expiresOn",
                        "token.expiry.date",
                        "must be a day after today and at most " + LONGEST_DAYS + " days ahead");
            }
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    record Never() implements TokenExpiry {
        @Override
        public Instant expiresAt(Instant now, String timeZone) {
            return null;
        }
    }

    /**
     * The expiry a request asks for with at most one of its three fields, the default when it
     * gives none; {@link TokenChoiceException} (400) names the field that is wrong.
     */
    static TokenExpiry of(Integer days, LocalDate date, Boolean never) {
        boolean forever = Boolean.TRUE.equals(never);
        int given = (days == null ? 0 : 1) + (date == null ? 0 : 1) + (forever ? 1 : 0);
        if (given > 1) {
            throw new TokenChoiceException(
                    days == null ? "expiresOn" : "expiresInDays",
                    "token.expiry.one",
                    "give only one of expiresInDays, expiresOn and neverExpires");
        }
        if (days != null) {
            if (!DAYS.contains(days)) {
                throw new TokenChoiceException(
                        "expiresInDays",
                        "token.expiry.days",
                        "must be one of " + DAYS.toString().replaceAll("[\\[\\]]", ""));
            }
            return new InDays(days);
        }
        if (date != null) {
            return new OnDate(date);
        }
        return forever ? new Never() : DEFAULT;
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
