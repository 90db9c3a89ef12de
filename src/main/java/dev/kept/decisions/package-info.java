/**
 * Decisions: decision notes that explain how a decision serves the whole organization, the teams
 * it affects, and their comments.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decisions")
package dev.kept.decisions;
