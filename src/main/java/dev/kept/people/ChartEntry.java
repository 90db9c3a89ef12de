package dev.kept.people;

/** A person in the organization chart, their team's name (or null) and how many report to them. */
public record ChartEntry(Person person, String teamName, long reports) {}
