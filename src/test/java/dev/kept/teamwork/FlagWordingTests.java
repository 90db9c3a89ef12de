package dev.kept.teamwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlagWordingTests {

    @Test
    void anObservationAndAQuestionGetNoHints() {
        assertThat(FlagWording.check(
                        "The last progress update was on 3 March and the due date is Friday.",
                        "What would help you reach Friday?"))
                .isEmpty();
    }

    @Test
    void pointsAtJudgingAndAbsoluteWordsInEitherField() {
        List<FlagWording.Hint> hints =
                FlagWording.check("You always miss the date, it is your fault.", "Why are you so careless?");

        assertThat(hints)
                .extracting(FlagWording.Hint::field, FlagWording.Hint::code)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("noticed", "JUDGING"),
                        org.assertj.core.groups.Tuple.tuple("question", "JUDGING"));
        assertThat(hints).extracting(FlagWording.Hint::message).anyMatch(m -> m.contains("\"always\""));
        assertThat(hints).extracting(FlagWording.Hint::message).anyMatch(m -> m.contains("\"your fault\""));
        assertThat(hints).extracting(FlagWording.Hint::message).anyMatch(m -> m.contains("\"careless\""));
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(FlagWording.check("The blameless review on 2 May found nothing new.", "Is that still so?"))
                .isEmpty();
    }

    @Test
    void asksForAQuestionMark() {
        assertThat(FlagWording.check("The demo on 4 June was cancelled.", "Tell me the new date"))
                .extracting(FlagWording.Hint::code)
                .containsExactly("NOT_A_QUESTION");
    }

    @Test
    void recognisesANoticedTextThatIsOnlyAnOpinion() {
        assertThat(FlagWording.check("I think this is going badly.", "Is it on track?"))
                .extracting(FlagWording.Hint::field, FlagWording.Hint::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("noticed", "OPINION"));
        assertThat(FlagWording.check("I think the date moved twice: on 3 and on 17 March.", "Is it on track?"))
                .isEmpty();
    }

    @Test
    void blankTextGetsNoHints() {
        assertThat(FlagWording.check("", "")).isEmpty();
        assertThat(FlagWording.check(null, null)).isEmpty();
    }
}
