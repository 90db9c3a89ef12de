package dev.kept.insights;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the insights.
 *
 * @param studyFreshFor how long the organization's effect study, once counted, is shown again
 *     before it is counted anew (it sums every commitment closed in the period; zero counts it on
 *     every view)
 * @param teamFreshFor how long a team's record, once counted for one kind of viewer (member or
 *     lead, time zone, months), is shown again to that kind of viewer before it is counted anew
 *     (about a dozen aggregates over the team's members; zero counts it on every view)
 */
@ConfigurationProperties("kept.insights")
public record InsightProperties(
        @DefaultValue("PT5M") Duration studyFreshFor,
        @DefaultValue("PT1M") Duration teamFreshFor) {}
