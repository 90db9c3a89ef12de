/**
 * Recognition: thanks (kudos) to a person or a team, optionally for a goal or commitment they
 * helped with, and the feed of thanks, where thanks across teams show as such. No points and no
 * leaderboard.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recognition")
package dev.kept.recognition;
