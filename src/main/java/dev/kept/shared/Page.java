package dev.kept.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list: its items, in the list's order, and the opaque cursor of
 * the page after it ({@code null} at the end). Every list of Kept pages this one way: at most
 * {@link #MOST} items, {@link #DEFAULT} unless the client asks for fewer or more.
 */
public record Page<T>(List<T> items, String next) {

    /** How many items a page holds unless the client asks. */
    public static final int DEFAULT = 50;

    /** The most items a client may ask for in one page. */
    public static final int MOST = 100;

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page made of {@code rows}, read with one row more than {@code limit} to learn whether
     * another page follows; its cursor is the last kept row's position.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<? super T, Cursor> positionOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        return new Page<>(
                rows.subList(0, limit), positionOf.apply(rows.get(limit - 1)).encode());
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }

    public boolean hasNext() {
        return next != null;
    }

    /** The limit a client asked for, or the default; the API validates the range before. */
    public static int limitOr(Integer asked) {
        return asked == null ? DEFAULT : Math.max(1, Math.min(MOST, asked));
    }
}
