package dev.kept.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of what a request may carry.
 *
 * @param maxRequestBody the largest request body accepted, JSON or form; a larger one is refused
 *     with 413 before it is read
 */
@ConfigurationProperties("kept.http")
record HttpProperties(@DefaultValue("1MB") DataSize maxRequestBody) {

    /** The limit as people read it: "1 MB", "512 KB", "100 bytes". */
    String describedMaxRequestBody() {
        long bytes = maxRequestBody.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return maxRequestBody.toMegabytes() + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return maxRequestBody.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
