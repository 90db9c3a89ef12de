package dev.kept.commitments;

import jakarta.validation.constraints.Size;

/** A reflection: what worked, and what to change next time. */
public record ReflectionNote(
        @Size(max = 2000) String worked, @Size(max = 2000) String changeNext) {}
