package dev.kept.teamwork;

import java.util.Locale;
import java.util.Optional;

/** What a jeopardy flag or an offer of help is about: a commitment, an expectation or a goal. */
public enum TargetType {
    COMMITMENT,
    EXPECTATION,
    GOAL;

    /** The type named in an address ("commitment", "GOAL"), if it is one. */
    public static Optional<TargetType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The lower-case name used in page addresses: {@code /teamwork/commitment/{id}}. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The address of the thing itself. */
    public String link(java.util.UUID id) {
        return switch (this) {
            case COMMITMENT -> "/commitments/" + id;
            case EXPECTATION -> "/expectations/" + id;
            case GOAL -> "/goals/" + id;
        };
    }
}
