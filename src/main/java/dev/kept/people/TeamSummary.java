package dev.kept.people;

import java.util.UUID;

/**
 * A team as lists show it: its lead's name (or null), whether that lead was deactivated (an admin
 * should choose another), and how many members it has (deactivated ones and guests aside).
 */
public record TeamSummary(UUID id, String name, UUID leadId, String leadName, boolean leadLeft, long members) {}
