/**
 * Transparency: the map of how each team's work contributes to a goal tree (counts and states per
 * team and per child goal, with the flags, help and thanks on it), and the weekly count of the six
 * everyday moves of a person, a team and the organization, gathered from the modules that record
 * them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Transparency")
package dev.kept.transparency;
