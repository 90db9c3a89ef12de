/**
 * Moves: the six everyday moves of mutual accountability ({@link dev.kept.moves.EverydayMove}:
 * offering help, co-owning a goal, explaining a decision, asking advice, making work visible,
 * thanking across teams), the vocabulary in which each module reports the moves it
 * records, and {@link dev.kept.moves.MoveRows} for a module whose moves are plain rows of one of
 * its tables. The count of them is the {@code transparency} module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moves")
package dev.kept.moves;
