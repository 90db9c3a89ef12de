package dev.kept.partnerships;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the partnerships module.
 *
 * @param invitationLapse how long an invitation waits for an answer before it lapses
 * @param lapseEvery how often invitations past their lapse are closed
 */
@ConfigurationProperties("kept.partnerships")
public record PartnershipProperties(
        @DefaultValue("P30D") Duration invitationLapse,
        @DefaultValue("PT1H") Duration lapseEvery) {}
