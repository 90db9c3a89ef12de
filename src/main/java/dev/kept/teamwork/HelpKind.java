package dev.kept.teamwork;

/** What is offered: information, ideas, resources or time. */
public enum HelpKind {
    INFORMATION,
    IDEAS,
    RESOURCES,
    TIME
}
