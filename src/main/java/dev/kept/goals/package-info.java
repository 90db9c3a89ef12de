/**
 * Goals: the organization's goals and its teams' goals (title, why, done when, due, owning team),
 * forming a tree in which each goal has at most one parent, and the page of each goal with the
 * commitments that serve it, as far as the viewer may see them. Every member sees the goals; an
 * admin sets organization goals, a team's lead (or an admin) the team's. The public entry is
 * {@link dev.kept.goals.Goals}; the module answers the commitments module's
 * {@link dev.kept.commitments.GoalDirectory}.
 */
package dev.kept.goals;
