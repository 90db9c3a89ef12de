package dev.kept.teamwork;

import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.Team;
import dev.kept.people.Teams;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Names of people and teams, and the targets a caller may see, each read once per request. */
final class Names {

    private final People people;
    private final Teams orgTeams;
    private final Targets targets;
    private final Caller caller;
    private final Map<UUID, String> persons = new HashMap<>();
    private final Map<String, Optional<Target>> seen = new HashMap<>();
    private Map<UUID, String> teamNames;

    Names(People people, Teams orgTeams, Targets targets, Caller caller) {
        this.people = people;
        this.orgTeams = orgTeams;
        this.targets = targets;
        this.caller = caller;
    }

    String person(UUID id) {
        return persons.computeIfAbsent(
                id,
                personId -> people.personIn(caller.organizationId(), personId)
                        .map(Person::getName)
                        .orElse("someone"));
    }

    /** Reads these people's names in one statement, for a page of items that name them. */
    void preload(java.util.Collection<UUID> ids) {
        java.util.Set<UUID> missing = ids.stream()
                .filter(java.util.Objects::nonNull)
                .filter(id -> !persons.containsKey(id))
                .collect(Collectors.toSet());
        if (missing.isEmpty()) {
            return;
        }
        Map<UUID, Person> found = people.peopleIn(caller.organizationId(), missing);
        for (UUID id : missing) {
            Person person = found.get(id);
            persons.put(id, person == null ? "someone" : person.getName());
        }
    }

    String team(UUID id) {
        if (teamNames == null) {
            teamNames = orgTeams.teams(caller).stream().collect(Collectors.toMap(Team::getId, Team::getName));
        }
        return teamNames.getOrDefault(id, "a team");
    }

    /**
     * Reads these targets of a page, type by type, in a bounded number of statements whatever their
     * number, so that {@link #target} then answers from what was read.
     */
    void preloadTargets(Map<TargetType, ? extends java.util.Collection<UUID>> byType) {
        byType.forEach((type, ids) -> {
            java.util.Set<UUID> missing = ids.stream()
                    .filter(java.util.Objects::nonNull)
                    .filter(id -> !seen.containsKey(key(type, id)))
                    .collect(Collectors.toSet());
            if (type == null || missing.isEmpty()) {
                return;
            }
            Map<UUID, Target> found = targets.visibleTargets(caller, type, missing);
            missing.forEach(id -> seen.put(key(type, id), Optional.ofNullable(found.get(id))));
        });
    }

    /** The targets of these items (those that have one), grouped by type, for {@link #preloadTargets}. */
    static <T> Map<TargetType, java.util.Set<UUID>> targetsOf(
            java.util.Collection<T> items,
            java.util.function.Function<T, TargetType> type,
            java.util.function.Function<T, UUID> id) {
        Map<TargetType, java.util.Set<UUID>> byType = new java.util.EnumMap<>(TargetType.class);
        for (T item : items) {
            if (type.apply(item) != null && id.apply(item) != null) {
                byType.computeIfAbsent(type.apply(item), k -> new java.util.HashSet<>())
                        .add(id.apply(item));
            }
        }
        return byType;
    }

    private static String key(TargetType type, UUID id) {
        return type + ":" + id;
    }

    /** The target if the caller may see it now. */
    Optional<Target> target(TargetType type, UUID id) {
        return seen.computeIfAbsent(key(type, id), key -> targets.visible(caller, type, id));
    }
}
