package dev.kept.matching.programs;

/**
 * A proposal waits for everyone's answer; one decline closes it, everyone's acceptance forms it.
 * It is withdrawn when an answer finds that the rules of partnerships no longer allow it (someone
 * moved into the other's reporting line, a partnership between them opened elsewhere, a private
 * declaration); its people take part in the next run.
 */
public enum ProposalStatus {
    PENDING,
    ACCEPTED,
    DECLINED,
    WITHDRAWN
}
