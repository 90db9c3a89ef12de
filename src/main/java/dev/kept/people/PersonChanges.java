package dev.kept.people;

import java.util.Optional;
import java.util.UUID;

/**
 * An admin's change to a person. A null field is left as it is; an empty {@link Optional} clears
 * it (no manager, no team, no region, no title, no level).
 */
public record PersonChanges(
        Optional<UUID> managerId,
        Optional<UUID> teamId,
        Optional<String> region,
        Optional<String> title,
        Role role,
        Optional<Integer> level) {

    public static PersonChanges none() {
        return new PersonChanges(null, null, null, null, null, null);
    }
}
