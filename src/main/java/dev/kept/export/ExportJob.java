package dev.kept.export;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Builds the exports people asked for, and deletes the ones expired or long past, on one instance
 * at a time (ShedLock).
 */
@Component
class ExportJob {

    private final Exports exports;

    ExportJob(Exports exports) {
        this.exports = exports;
    }

    @Scheduled(
            fixedDelayString = "${kept.export.build-every:PT30S}",
            initialDelayString = "${kept.export.build-first:PT30S}")
    @SchedulerLock(name = "person-exports", lockAtMostFor = "PT30M")
    void onSchedule() {
        exports.buildPending();
        exports.forgetOld();
    }
}
