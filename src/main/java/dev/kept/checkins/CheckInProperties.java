package dev.kept.checkins;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Check-in settings: how far ahead occurrences are laid out (a daily job keeps extending them),
 * and how often the reminder job looks for check-ins coming up.
 */
@ConfigurationProperties("kept.checkins")
record CheckInProperties(
        @DefaultValue("P400D") Duration horizon,
        @DefaultValue("PT1M") Duration remindEvery,
        @DefaultValue("PT1M") Duration remindFirst) {}
