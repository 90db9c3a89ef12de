/**
 * Teams: mutual accountability between peers and teams. Jeopardy flags (speaking up when a
 * commitment, expectation or goal is at risk: what was noticed, a question, maybe help), offers of
 * help, advice requests answered by people with matching strengths, decision notes (how a decision
 * serves the whole organization) with comments from the teams it affects, the map of how each
 * team's work contributes to a goal tree, and the weekly count of the six everyday moves.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Teams")
package dev.kept.teams;
