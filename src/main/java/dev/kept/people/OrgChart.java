package dev.kept.people;

import java.util.List;

/** The reporting lines of an organization as a forest: the people without a manager are its roots. */
public record OrgChart(List<Node> roots, int people) {

    /** One person, the name of their team (or null), and the people reporting to them. */
    public record Node(Person person, String teamName, List<Node> reports) {}
}
