package dev.kept.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mailFrom the sender of Kept's e-mails
 * @param baseUrl where this Kept is reached from a browser, for the links in e-mails
 */
@ConfigurationProperties("kept")
record MailProperties(
        @DefaultValue("Kept <no-reply@kept.local>") String mailFrom,
        @DefaultValue("http://localhost:8080") String baseUrl) {

    /** A page of Kept as a link that works from an e-mail. */
    String link(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path;
    }
}
