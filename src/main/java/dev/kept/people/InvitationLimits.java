package dev.kept.people;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on invitations at scale.
 *
 * @param mostAtOnce how many people one request may invite, and how many invitations one "resend
 *     to everyone" sends (the rest wait for the next one)
 * @param resendAfter how long after an invitation was sent "resend to everyone" leaves it be, so
 *     that pressing it twice does not e-mail everyone twice
 */
@ConfigurationProperties("kept.invitations")
record InvitationLimits(
        @DefaultValue("500") int mostAtOnce,
        @DefaultValue("1h") Duration resendAfter) {}
