package dev.kept.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of a keyset-paginated list ends: the sort value of its last row (as text: an
 * instant, a date) and that row's id, which breaks ties. Clients see it as an opaque string.
 */
public record Cursor(String position, UUID id) {

    private static final int LONGEST = 200;

    /** The cursor a client sent; empty when it is missing or does not parse. */
    public static Optional<Cursor> parse(String text) {
        if (text == null || text.isBlank() || text.length() > LONGEST) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = decoded.lastIndexOf('|');
            return bar < 1
                    ? Optional.empty()
                    : Optional.of(new Cursor(decoded.substring(0, bar), UUID.fromString(decoded.substring(bar + 1))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * The cursor a client sent, if its position also reads as what the list sorts by ({@code
     * position} throws on anything else, e.g. {@code LocalDate::parse}); empty otherwise.
     */
    public static Optional<Cursor> parse(String text, java.util.function.Function<String, ?> position) {
        return parse(text).filter(cursor -> {
            try {
                position.apply(cursor.position());
                return true;
            } catch (RuntimeException notOfTheList) {
                return false;
            }
        });
    }

    /**
     * Where a page starts: {@code start} when the client sent no cursor, else the cursor it sent.
     * One that does not parse, or whose position does not read as this list's, answers 400.
     */
    public static Cursor orStart(String text, java.util.function.Function<String, ?> position, Cursor start) {
        if (text == null || text.isEmpty()) {
            return start;
        }
        return parse(text, position).orElseThrow(BadCursorException::new);
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((position + "|" + id).getBytes(StandardCharsets.UTF_8));
    }
}
