package dev.kept.people;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The reporting lines of an organization at one moment: who is above whom, at any depth. */
public final class ReportingLines {

    private final Map<UUID, UUID> managerOf;

    ReportingLines(Map<UUID, UUID> managerOf) {
        this.managerOf = Map.copyOf(managerOf);
    }

    /** Whether one of the two is the other's manager, or above them. */
    public boolean inOneLine(UUID a, UUID b) {
        return isAbove(a, b) || isAbove(b, a);
    }

    private boolean isAbove(UUID above, UUID below) {
        Set<UUID> seen = new HashSet<>();
        UUID current = managerOf.get(below);
        while (current != null && seen.add(current)) {
            if (current.equals(above)) {
                return true;
            }
            current = managerOf.get(current);
        }
        return false;
    }
}
