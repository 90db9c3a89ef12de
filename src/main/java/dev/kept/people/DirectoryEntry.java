package dev.kept.people;

/** One person as the directory lists them, with the names of their team and manager (or null). */
public record DirectoryEntry(Person person, String teamName, String managerName) {}
