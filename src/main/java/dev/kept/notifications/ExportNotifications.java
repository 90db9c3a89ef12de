package dev.kept.notifications;

import dev.kept.export.ExportReady;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells a person in the app that the export of their data is ready, with its one-time link. */
@Component
class ExportNotifications {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Inbox inbox;

    ExportNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(ExportReady ready) {
        inbox.tell(
                ready.organizationId(),
                ready.personId(),
                "export:" + ready.exportId(),
                "EXPORT",
                "Your data export is ready: download it once, before " + UNTIL.format(ready.expiresAt()) + ".",
                "/settings/data/" + ready.exportId() + "/download");
    }
}
