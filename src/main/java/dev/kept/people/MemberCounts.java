package dev.kept.people;

import dev.kept.shared.RecentAnswers;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

/**
 * How many members (guests aside) an organization has, as the organization chart says it: counted
 * once and kept, since counting 50,000 people read them all on every view of the chart. A count
 * is dropped when a person of the organization is saved or deleted, and kept at most {@link
 * #FRESH} (a change by another instance of Kept shows within it).
 */
@Component
class MemberCounts {

    static final Duration FRESH = Duration.ofSeconds(60);

    /** Room for this many organizations' counts. */
    static final int MOST = 10_000;

    private final Directory directory;
    private final Clock clock;
    private final RecentAnswers<UUID, Long> counts = new RecentAnswers<>(FRESH, MOST);

    MemberCounts(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    long members(UUID organizationId) {
        return counts.get(organizationId, clock.instant(), () -> directory.members(organizationId))
                .value();
    }

    @EventListener
    void saved(AfterSaveEvent<Person> event) {
        forget(event.getEntity());
    }

    @EventListener
    void deleted(AfterDeleteEvent<Person> event) {
        forget(event.getEntity());
    }

    private void forget(Person person) {
        if (person == null) {
            counts.forgetAll();
        } else {
            counts.forget(person.getOrganizationId()::equals);
        }
    }
}
