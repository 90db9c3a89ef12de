package dev.kept.matching.programs;

/** A proposal waits for everyone's answer; one decline closes it, everyone's acceptance forms it. */
public enum ProposalStatus {
    PENDING,
    ACCEPTED,
    DECLINED
}
