package dev.kept.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins for one account are slowed down.
 *
 * @param freeAttempts failures allowed before any wait
 * @param maxDelay the longest wait after a failure: the real user is never locked out for longer
 * @param window failures older than this are forgotten
 */
@ConfigurationProperties("kept.login")
public record LoginProperties(
        @DefaultValue("5") int freeAttempts,
        @DefaultValue("5m") Duration maxDelay,
        @DefaultValue("15m") Duration window) {}
