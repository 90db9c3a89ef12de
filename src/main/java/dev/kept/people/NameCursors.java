package dev.kept.people;

import dev.kept.shared.BadCursorException;
import dev.kept.shared.Cursor;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The cursors of the lists by name (people, teams): the name and id of the last row of a page. */
final class NameCursors {

    static final Cursor FIRST = new Cursor("", new UUID(0, 0));

    // a cursor's position when the name is too long to carry: no real name is blank, so this one
    // says "look the name up by the id"
    private static final String NAME_OF_ID = " ";

    // the longest cursor text that Cursor reads back
    private static final int LONGEST_CURSOR = 200;

    private NameCursors() {}

    static Cursor byName(String name, UUID id) {
        Cursor cursor = new Cursor(name, id);
        return cursor.encode().length() <= LONGEST_CURSOR ? cursor : new Cursor(NAME_OF_ID, id);
    }

    static Cursor withName(Cursor cursor, Function<UUID, Optional<String>> nameOf) {
        if (!NAME_OF_ID.equals(cursor.position())) {
            return cursor;
        }
        return new Cursor(nameOf.apply(cursor.id()).orElseThrow(BadCursorException::new), cursor.id());
    }
}
