package dev.kept.matching.programs;

/** Two people, a pair joined by a third, or a coach offered to someone a run left unmatched. */
public enum ProposalKind {
    PAIR,
    TRIO,
    COACH
}
