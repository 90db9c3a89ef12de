package dev.kept.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.SignedIn;
import dev.kept.people.Caller;
import dev.kept.web.ApiSlice;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The decision API as a web slice: only its controller, the API's error answers and Spring MVC,
 * with the module entry mocked. What it holds: a bad body answers 400 naming every field and
 * never reaches the entry; a good one answers 201 at the decision's address.
 */
@WebMvcTest(DecisionApi.class)
@ApiSlice
class DecisionApiSliceTests {

    private static final Caller ADA = new Caller(UUID.randomUUID(), UUID.randomUUID(), "Ada");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Decisions decisions;

    @Test
    void refusesABadBodyNamingEveryFieldWithoutRecordingAnything() {
        assertThat(mvc.post()
                        .uri("/api/v1/decisions")
                        .with(SignedIn.as(ADA))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\",\"options\":[]}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("title", "decision", "options", "servesOrganization", "teamIds");
        verifyNoInteractions(decisions);
    }

    @Test
    void recordsAGoodBodyAndAnswersAtTheDecisionsAddress() {
        UUID team = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        given(decisions.record(eq(ADA), any())).willReturn(view(id, team));

        assertThat(mvc.post()
                        .uri("/api/v1/decisions")
                        .with(SignedIn.as(ADA))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "One pipeline", "decision": "All teams deploy through one pipeline.",
                                 "options": ["Own pipelines", "One pipeline"],
                                 "servesOrganization": "Rollbacks work the same everywhere.",
                                 "teamIds": ["%s"]}""".formatted(team)))
                .hasStatus(201)
                .hasHeader("Location", "/api/v1/decisions/" + id)
                .bodyJson()
                .extractingPath("$.title")
                .isEqualTo("One pipeline");
    }

    private static DecisionView view(UUID id, UUID team) {
        return new DecisionView(
                id,
                ADA.personId(),
                ADA.name(),
                "One pipeline",
                "All teams deploy through one pipeline.",
                List.of("Own pipelines", "One pipeline"),
                "Rollbacks work the same everywhere.",
                List.of(new DecisionView.AffectedTeam(team, "Platform")),
                Instant.parse("2026-12-07T10:00:00Z"),
                0,
                List.of(),
                true);
    }
}
