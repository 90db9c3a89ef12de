package dev.kept.goals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The goals of one organization as a tree: organization goals first, then by due date and title.
 * A goal whose parent is missing counts as a root; walks keep track of what they have seen, so
 * even a loop that slipped past the checks (two edits at the same moment) cannot make them run on.
 */
final class GoalTree {

    private static final Comparator<Goal> ORDER = Comparator.comparing((Goal g) -> g.getTeamId() != null)
            .thenComparing(Goal::getDue)
            .thenComparing(Goal::getTitle)
            .thenComparing(Goal::getId);

    private final Map<UUID, Goal> byId = new HashMap<>();
    private final Map<UUID, List<Goal>> childrenOf = new HashMap<>();
    private final List<Goal> roots = new ArrayList<>();

    GoalTree(Collection<Goal> goals) {
        goals.forEach(goal -> byId.put(goal.getId(), goal));
        List<Goal> sorted = goals.stream().sorted(ORDER).toList();
        for (Goal goal : sorted) {
            if (goal.getParentId() == null || !byId.containsKey(goal.getParentId())) {
                roots.add(goal);
            } else {
                childrenOf
                        .computeIfAbsent(goal.getParentId(), k -> new ArrayList<>())
                        .add(goal);
            }
        }
        Set<UUID> reached = new HashSet<>();
        roots.forEach(root -> walk(root, 0, reached, new ArrayList<>()));
        for (Goal goal : sorted) {
            if (!reached.contains(goal.getId())) {
                roots.add(goal);
                walk(goal, 0, reached, new ArrayList<>());
            }
        }
    }

    /** A goal with how deep it sits (0 for a root). */
    record Placed(Goal goal, int depth) {}

    Optional<Goal> get(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<Goal> roots() {
        return List.copyOf(roots);
    }

    List<Goal> children(UUID id) {
        return childrenOf.getOrDefault(id, List.of());
    }

    /** Every goal once, depth first, in the tree's order. */
    List<Placed> inOrder() {
        List<Placed> placed = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        roots.forEach(root -> walk(root, 0, seen, placed));
        return placed;
    }

    /** The goal and every goal beneath it, at any depth. */
    Set<UUID> subtree(UUID id) {
        Set<UUID> seen = new LinkedHashSet<>();
        get(id).ifPresent(goal -> walk(goal, 0, seen, new ArrayList<>()));
        return seen;
    }

    /** Whether putting the goal beneath this parent would make a loop: the parent is it or beneath it. */
    boolean wouldLoop(UUID goalId, UUID parentId) {
        Set<UUID> seen = new HashSet<>();
        UUID current = parentId;
        while (current != null && seen.add(current)) {
            if (current.equals(goalId)) {
                return true;
            }
            current = get(current).map(Goal::getParentId).orElse(null);
        }
        return false;
    }

    private void walk(Goal goal, int depth, Set<UUID> seen, List<Placed> placed) {
        if (!seen.add(goal.getId())) {
            return;
        }
        placed.add(new Placed(goal, depth));
        children(goal.getId()).forEach(child -> walk(child, depth + 1, seen, placed));
    }
}
