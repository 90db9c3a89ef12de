package dev.kept.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClarityCheckTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void findsAClearCommitmentClear() {
        ClarityReport report = ClarityCheck.assess(
                "Publish the onboarding checklist for new engineers",
                "The checklist is in the handbook and 3 new hires used it",
                TODAY.plusDays(10),
                "New engineers ship in their first week",
                TODAY);

        assertThat(report.issues()).isEmpty();
        assertThat(report.score()).isEqualTo(100);
    }

    @Test
    void flagsEverythingMissing() {
        ClarityReport report = ClarityCheck.assess("", " ", null, null, TODAY);

        assertThat(report.issues())
                .extracting(ClarityReport.Issue::field, ClarityReport.Issue::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("what", "MISSING"),
                        org.assertj.core.groups.Tuple.tuple("doneWhen", "MISSING"),
                        org.assertj.core.groups.Tuple.tuple("due", "MISSING"),
                        org.assertj.core.groups.Tuple.tuple("why", "MISSING"));
        assertThat(report.score()).isEqualTo(10);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"Ship it|true", "  Ship   it  |true", "Ship the release|false", "  Ship  the  release  |false"})
    void asksForMoreWordsWhenWhatIsUnderThree(String what, boolean tooShort) {
        ClarityReport report = ClarityCheck.assess(what, "3 reviewers approved it", TODAY.plusDays(3), "why", TODAY);

        assertThat(report.issues())
                .extracting(ClarityReport.Issue::code)
                .filteredOn("TOO_SHORT"::equals)
                .hasSize(tooShort ? 1 : 0);
        assertThat(ClarityCheck.assess("Ship\tit\nnow", "3 reviewers approved it", TODAY, "why", TODAY)
                        .issues())
                .extracting(ClarityReport.Issue::code)
                .doesNotContain("TOO_SHORT");
    }

    @ParameterizedTest
    @CsvSource({
        "try, I will try to publish the report",
        "soon, Publish the report soon please",
        "asap, Publish the report ASAP for everyone",
        "better, Make the report better for readers",
        "more, Write more tests for the parser",
        "some, Fix some bugs in the parser",
        "a few, Fix a few bugs in the parser"
    })
    void namesEachVagueWord(String word, String what) {
        ClarityReport report = ClarityCheck.assess(what, "3 reviewers approved it", TODAY.plusDays(3), "why", TODAY);

        assertThat(report.issues())
                .filteredOn(issue -> issue.code().equals("VAGUE"))
                .extracting(ClarityReport.Issue::message)
                .anyMatch(message -> message.contains("\u201c" + word + "\u201d"));
        assertThat(report.score()).isLessThan(100);
    }

    @Test
    void doesNotMistakeWordsContainingVagueOnesForThem() {
        ClarityReport report = ClarityCheck.assess(
                "Document the handsome moreover tryout", "Published in 2 places", TODAY, "Because", TODAY);

        assertThat(report.issues()).extracting(ClarityReport.Issue::code).doesNotContain("VAGUE");
    }

    @Test
    void asksForAMeasurableDoneWhen() {
        ClarityReport report =
                ClarityCheck.assess("Rewrite the onboarding guide", "People like it", TODAY.plusDays(1), "why", TODAY);

        assertThat(report.issues())
                .extracting(ClarityReport.Issue::field, ClarityReport.Issue::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("doneWhen", "NOT_MEASURABLE"));
    }

    @Test
    void flagsADueDateInThePastOnlyWhenTodayIsGiven() {
        LocalDate yesterday = TODAY.minusDays(1);

        assertThat(ClarityCheck.assess("Ship the new invoice page", "Merged and live", yesterday, "why", TODAY)
                        .issues())
                .extracting(ClarityReport.Issue::code)
                .containsExactly("IN_PAST");
        assertThat(ClarityCheck.assess("Ship the new invoice page", "Merged and live", yesterday, "why", null)
                        .issues())
                .isEmpty();
    }

    @Test
    void remembersAnAssessmentWithoutADayByTheTermsItDependsOn() {
        String what = "Rewrite the onboarding guide, maybe " + System.nanoTime();
        ClarityReport first = ClarityCheck.assess(what, "Published on the wiki", TODAY, "For new joiners", null);

        assertThat(ClarityCheck.assess(what, "Published on the wiki", TODAY.plusDays(9), "Another reason", null))
                .isSameAs(first);
        assertThat(ClarityCheck.assess(what, "Published on the wiki", null, "For new joiners", null)
                        .issues())
                .extracting(ClarityReport.Issue::code)
                .containsExactly("MISSING", "VAGUE");
        assertThat(ClarityCheck.assess(what, "Published on the wiki", TODAY, " ", null)
                        .issues())
                .extracting(ClarityReport.Issue::field)
                .containsExactly("what", "why");
        assertThat(first.issues()).extracting(ClarityReport.Issue::code).containsExactly("VAGUE");
    }
}
