package dev.kept.people;

/**
 * What "resend to everyone who has not joined" did: how many invitations it sent, how many it left
 * because one was sent recently, and how many still wait for the next time (it sends a bounded
 * number at once).
 */
public record ResendSummary(int sent, long sentRecently, long remaining) {}
