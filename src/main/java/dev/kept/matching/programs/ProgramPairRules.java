package dev.kept.matching.programs;

import dev.kept.matching.PairRule;
import dev.kept.partnerships.Partnering;
import dev.kept.partnerships.Partnerships;
import dev.kept.people.People;
import dev.kept.people.ReportingLines;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The private hard rules of a program, read once per run and handed to the engine as a {@link
 * PairRule}: never oneself, never the reporting line at any depth, never a declared competitor of
 * either side, never two people with an open partnership, never a pair declined in this program,
 * and previous partners only when the program asks to avoid them. Who declared whom never leaves
 * this rule.
 */
@Component
class ProgramPairRules {

    private final People people;
    private final Partnerships partnerships;
    private final Partnering partnering;
    private final ProposalRows proposals;

    ProgramPairRules(People people, Partnerships partnerships, Partnering partnering, ProposalRows proposals) {
        this.people = people;
        this.partnerships = partnerships;
        this.partnering = partnering;
        this.proposals = proposals;
    }

    /** What forbids a pair in this program whatever its rules: also what a coach offer obeys. */
    PairRule always(UUID organizationId, UUID programId) {
        ReportingLines lines = people.reportingLines(organizationId);
        PairRule self = UUID::equals;
        PairRule reportingLine = lines::inOneLine;
        return self.or(reportingLine)
                .or(PairRule.forbiddenPairs(partnering.competingPairs(organizationId)))
                .or(PairRule.forbiddenPairs(partnering.partneredPairs(organizationId, true)))
                .or(PairRule.forbiddenPairs(proposals.declinedPairs(programId)));
    }

    /** People who were partners at any time. */
    PairRule previousPartners(UUID organizationId) {
        return PairRule.forbiddenPairs(partnering.partneredPairs(organizationId, false));
    }
}
