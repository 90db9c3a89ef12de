package dev.kept.partnerships;

import java.util.List;
import java.util.UUID;

/**
 * How well someone would fit as a partner: reasons to consider someone else (same team, same
 * region, a large gap in level) and good signs (another team or region, from outside).
 */
public record FitHint(
        UUID personId,
        String name,
        String team,
        String region,
        Integer level,
        List<String> considerElsewhere,
        List<String> goodSigns) {}
