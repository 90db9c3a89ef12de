package dev.kept.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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

    private record Counted(long members, Instant at) {}

    private final Directory directory;
    private final Clock clock;
    private final Map<UUID, Counted> counts = new ConcurrentHashMap<>();

    MemberCounts(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    long members(UUID organizationId) {
        Instant now = clock.instant();
        Counted kept = counts.get(organizationId);
        if (kept != null && !now.isBefore(kept.at()) && now.isBefore(kept.at().plus(FRESH))) {
            return kept.members();
        }
        long members = directory.members(organizationId);
        counts.put(organizationId, new Counted(members, now));
        return members;
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
            counts.clear();
        } else {
            counts.remove(person.getOrganizationId());
        }
    }
}
