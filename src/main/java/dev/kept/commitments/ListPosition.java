package dev.kept.commitments;

import dev.kept.shared.Cursor;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Where a page of a commitment list ends, in the list's order (open ones first, then closed ones;
 * each by due date, then id): the last row's state, due date and id. As cursor text:
 * {@code "OPEN 2026-12-01"} or {@code "CLOSED 2026-12-01"}, with the id beside it.
 */
record ListPosition(boolean closed, LocalDate due, UUID id) {

    /** The position a client sent, null at the start; a cursor of another list answers 400. */
    static ListPosition of(String cursor) {
        Cursor after = Cursor.orStart(cursor, ListPosition::parse, null);
        if (after == null) {
            return null;
        }
        Parsed parsed = parse(after.position());
        return new ListPosition(parsed.closed(), parsed.due(), after.id());
    }

    static Cursor after(CommitmentView last) {
        return new Cursor((last.status() == CommitmentStatus.CLOSED ? "CLOSED " : "OPEN ") + last.due(), last.id());
    }

    private record Parsed(boolean closed, LocalDate due) {}

    private static Parsed parse(String position) {
        int space = position.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("not a commitment list position");
        }
        String state = position.substring(0, space);
        if (!state.equals("OPEN") && !state.equals("CLOSED")) {
            throw new IllegalArgumentException("not a commitment state");
        }
        return new Parsed(state.equals("CLOSED"), LocalDate.parse(position.substring(space + 1)));
    }
}
