package dev.kept.partnerships;

import java.sql.Timestamp;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes, in one statement, every invitation left unanswered past its lapse: it is no longer
 * open, so the two people can be invited again. Until this runs, an invitation past its lapse
 * already reads as lapsed and can no longer be answered.
 */
@Component
class InvitationLapses {

    private static final Logger log = LoggerFactory.getLogger(InvitationLapses.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    InvitationLapses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${kept.partnerships.lapse-every:PT1H}", initialDelayString = "PT1M")
    @SchedulerLock(name = "invitation-lapses", lockAtMostFor = "PT10M")
    public void closeLapsed() {
        lapse();
    }

    /** Closes every invitation past its lapse, in one statement; answers how many. */
    int lapse() {
        int lapsed = jdbc.sql("""
                        update partnership
                           set status = 'LAPSED', open_pair = null, ended_at = lapses_at, updated_at = :now,
                               version = version + 1
                         where status = 'INVITED' and lapses_at <= :now""").param("now", Timestamp.from(clock.instant())).update();
        if (lapsed > 0) {
            log.info("{} partner invitations lapsed without an answer", lapsed);
        }
        return lapsed;
    }
}
