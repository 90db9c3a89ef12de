package dev.kept.people;

import java.util.List;

/**
 * One level of the organization chart at a time: the reporting line from the top down to the
 * person in focus ({@code line}, empty when looking at the tops), and the people one level below
 * ({@code below}: the focus's direct reports, or the people without a manager), at most {@link
 * #MOST_BELOW} of {@code belowCount}. A level opens by focusing on one of them.
 */
public record OrgChart(List<ChartEntry> line, List<ChartEntry> below, long belowCount, long people) {

    /** The most people one level shows; the directory lists the rest. */
    public static final int MOST_BELOW = 100;

    public boolean cut() {
        return belowCount > below.size();
    }
}
