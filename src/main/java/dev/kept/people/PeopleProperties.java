package dev.kept.people;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the people module.
 *
 * @param baseUrl where this Kept is reached from a browser, used in links sent by e-mail
 * @param invitationValidity how long an invitation link can be used
 * @param defaultTimeZone the time zone of a person who did not give one
 */
@ConfigurationProperties("kept")
public record PeopleProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("7d") Duration invitationValidity,
        @DefaultValue("UTC") String defaultTimeZone) {}
