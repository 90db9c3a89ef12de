package dev.kept.export;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's export as they see it: its status, when it was asked for, built, expires or was
 * downloaded, its size, and the address to download it from while it can be ({@code null} else).
 */
public record ExportView(
        UUID id,
        ExportStatus status,
        Instant requestedAt,
        Instant readyAt,
        Instant expiresAt,
        Instant downloadedAt,
        Long sizeBytes,
        String download) {

    public boolean downloadable() {
        return download != null;
    }
}
