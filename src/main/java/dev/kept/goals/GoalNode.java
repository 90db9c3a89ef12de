package dev.kept.goals;

import java.util.List;

/** A goal in the tree, with the goals beneath it. */
public record GoalNode(GoalView goal, List<GoalNode> children) {}
