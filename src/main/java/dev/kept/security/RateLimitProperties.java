package dev.kept.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many attempts one client address may make per window, for each action open to strangers:
 * failed sign-ins (the form and the token API), sign-ups, and API token creation.
 *
 * @param signIn failed sign-ins from one address (a successful one gives its attempt back)
 * @param signUp sign-ups from one address
 * @param tokens API tokens created from one address, with a password or on the tokens page
 * @param passwordReset requests for a link to choose a new password, from one address
 * @param cleanupEvery how often rows that no longer count are deleted
 */
@Validated
@ConfigurationProperties("kept.rate-limit")
public record RateLimitProperties(
        @Valid @DefaultValue Limit signIn,
        @Valid @DefaultValue Limit signUp,
        @Valid @DefaultValue Limit tokens,
        @Valid @DefaultValue Limit passwordReset,
        @NotNull @DefaultValue("PT10M") Duration cleanupEvery) {

    /**
     * @param attempts attempts allowed within one window
     * @param window how long a window lasts from its first attempt
     */
    public record Limit(
            @Min(1) @DefaultValue("20") int attempts,
            @NotNull @DefaultValue("PT15M") Duration window) {}

    Limit of(AddressLimits.Action action) {
        return switch (action) {
            case SIGN_IN -> signIn;
            case SIGN_UP -> signUp;
            case TOKENS -> tokens;
            case PASSWORD_RESET -> passwordReset;
        };
    }
}
