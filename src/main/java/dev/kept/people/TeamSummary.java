package dev.kept.people;

import java.util.UUID;

/** A team as lists show it: its lead's name (or null) and how many members it has. */
public record TeamSummary(UUID id, String name, UUID leadId, String leadName, long members) {}
