package dev.kept.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mailFrom the sender of Kept's e-mails
 */
@ConfigurationProperties("kept")
record MailProperties(
        @DefaultValue("Kept <no-reply@kept.local>") String mailFrom) {}
