package dev.kept.goals;

import dev.kept.commitments.Commitment;
import dev.kept.people.Person;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.data.relational.core.mapping.event.RelationalEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The commitments beneath a goal, counted for everyone at once (by goal, owner's team, visibility
 * and state), kept in memory so that a goal's page and map do not count the thousands of
 * commitments beneath an organization goal on every request. What one viewer sees is then worked
 * out from these counts and a small read of what is theirs alone ({@link GoalReads#tallies}).
 *
 * <p>A count is kept until one of these happens, whichever is first:
 *
 * <ul>
 *   <li>a commitment, a person (their team) or a goal of the organization is saved or deleted
 *       (Spring Data's aggregate events, also once the transaction has ended, so that a count read
 *       while it was open is not kept);
 *   <li>the goals beneath the goal are no longer the same;
 *   <li>{@link #FRESH} has passed: "at risk" turns on a silence measured to the instant, so a count
 *       is at most this old, and on the viewer's day, which is part of the key.
 * </ul>
 *
 * <p>The memory is bounded: past {@link #MOST_ROWS} counted rows in all, everything is dropped.
 * A change made by another instance of Kept on the same database is seen within {@link #FRESH}.
 */
@Component
class TallyCache {

    static final Duration FRESH = Duration.ofSeconds(60);
    static final int MOST_ROWS = 200_000;

    /** The commitments of one goal, owner's team and visibility, counted by state. */
    record Counted(UUID goalId, UUID teamId, String visibility, Tally tally) {}

    private record Key(UUID organizationId, UUID goalId, LocalDate today) {}

    private record Entry(Set<UUID> goals, long version, Instant countedAt, List<Counted> rows) {}

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicLong> versions = new ConcurrentHashMap<>();
    private final AtomicLong rows = new AtomicLong();

    /** The counts for this goal and the goals beneath it on {@code today}: kept ones, or {@code count}'s. */
    List<Counted> counts(
            UUID organizationId,
            UUID goalId,
            Set<UUID> goals,
            LocalDate today,
            Instant now,
            Supplier<List<Counted>> count) {
        Key key = new Key(organizationId, goalId, today);
        long version = version(organizationId).get();
        Entry kept = entries.get(key);
        if (kept != null
                && kept.version() == version
                && kept.goals().equals(goals)
                && !now.isBefore(kept.countedAt())
                && now.isBefore(kept.countedAt().plus(FRESH))) {
            return kept.rows();
        }
        List<Counted> counted = List.copyOf(count.get());
        if (rows.addAndGet(counted.size()) > MOST_ROWS) {
            entries.clear();
            rows.set(counted.size());
        }
        Entry previous = entries.put(key, new Entry(Set.copyOf(goals), version, now, counted));
        if (previous != null) {
            rows.addAndGet(-previous.rows().size());
        }
        return counted;
    }

    @EventListener
    void saved(AfterSaveEvent<?> event) {
        changed(event);
    }

    @EventListener
    void deleted(AfterDeleteEvent<?> event) {
        changed(event);
    }

    private void changed(RelationalEvent<?> event) {
        Object entity = event.getEntity();
        Class<?> type = event.getType();
        if (!(type == Commitment.class || type == Person.class || type == Goal.class)) {
            return;
        }
        UUID organizationId = entity instanceof Commitment commitment
                ? commitment.getOrganizationId()
                : entity instanceof Person person
                        ? person.getOrganizationId()
                        : entity instanceof Goal goal ? goal.getOrganizationId() : null;
        if (organizationId == null) {
            versions.values().forEach(AtomicLong::incrementAndGet);
            return;
        }
        AtomicLong version = version(organizationId);
        version.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    version.incrementAndGet();
                }
            });
        }
    }

    private AtomicLong version(UUID organizationId) {
        return versions.computeIfAbsent(organizationId, id -> new AtomicLong());
    }
}
