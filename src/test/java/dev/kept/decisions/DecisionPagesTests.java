package dev.kept.decisions;

import static dev.kept.SignedIn.as;
import static dev.kept.SignedIn.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The decision pages: each form, what a bad form shows, and what a guest gets (404). */
@KeptApiTest
@AutoConfigureMockMvc
class DecisionPagesTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MockMvc mvc;

    @Autowired
    Decisions decisions;

    @Test
    void recordsADecisionFromTheFormAndCommentsOnIt() throws Exception {
        Account admin = api.signUp();
        UUID platform = api.team(admin, ApiFixtures.unique("Platform"));
        UUID support = api.team(admin, ApiFixtures.unique("Support"));
        Account author = api.join(admin);
        Account engineer = api.join(admin, Map.of("teamId", platform.toString()));
        assertThat(page(author, "/decisions/new"))
                .as("a search field names the teams, never a list of them all")
                .contains("<label for=\"teamName\">")
                .doesNotContain(support.toString());

        MvcResult recorded = mvc.perform(post(author, "/decisions")
                        .param("title", "One deployment window")
                        .param("decision", "Tuesdays and Thursdays.")
                        .param("options", "Any time\r\n\r\nOnce a week\nTwice a week")
                        .param("servesOrganization", "Support can warn customers.")
                        .param("teamIds", platform.toString(), support.toString()))
                .andReturn();

        assertThat(recorded.getResponse().getStatus()).isEqualTo(302);
        DecisionView note =
                decisions.list(caller(author), null, null, 50).items().get(0);
        assertThat(recorded.getResponse().getRedirectedUrl()).isEqualTo("/decisions/" + note.id());
        assertThat(note.options()).containsExactly("Any time", "Once a week", "Twice a week");
        assertThat(note.teams()).hasSize(2);
        assertThat(page(admin, "/decisions")).contains("One deployment window");
        assertThat(page(admin, "/decisions/" + note.id()))
                .contains("Support can warn customers.")
                .doesNotContain("<h2>Comment</h2>");

        MvcResult commented = mvc.perform(
                        post(engineer, "/decisions/" + note.id() + "/comments").param("text", "Works for us."))
                .andReturn();
        assertThat(commented.getResponse().getStatus()).isEqualTo(302);
        MvcResult refused = mvc.perform(
                        post(admin, "/decisions/" + note.id() + "/comments").param("text", "And us?"))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        MvcResult blank = mvc.perform(
                        post(engineer, "/decisions/" + note.id() + "/comments").param("text", ""))
                .andReturn();
        assertThat(blank.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(blank)).contains("Please fix the fields marked below.").contains("must not be blank");
        assertThat(decisions.get(caller(author), note.id()).comments())
                .extracting(DecisionView.Comment::text)
                .containsExactly("Works for us.");
    }

    @Test
    void showsWhatIsWrongWithTheDecisionFormAndRecordsNothing() throws Exception {
        Account admin = api.signUp();
        UUID platform = api.team(admin, ApiFixtures.unique("Platform"));
        Account author = api.join(admin);
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append("Option ").append(i).append('\n');
        }

        MvcResult tooMany = mvc.perform(post(author, "/decisions")
                        .param("title", "One window")
                        .param("decision", "Tuesdays.")
                        .param("options", eleven.toString())
                        .param("servesOrganization", ""))
                .andReturn();

        assertThat(tooMany.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(tooMany))
                .contains("Please fix the fields marked below.")
                .contains("Name at most 10 options, one per line.")
                .contains("Choose at least one team it affects.")
                .contains("must not be blank")
                .contains("id=\"teamName\"")
                .doesNotContain(platform.toString());
        assertThat(decisions.list(caller(author), null, null, 50).items()).isEmpty();
    }

    @Test
    void answersAGuestAsIfDecisionsDidNotExist() throws Exception {
        Account admin = api.signUp();
        Account member = api.join(admin);
        Account guest = api.guest(member, "COACH");
        for (String path : List.of("/decisions", "/decisions/new")) {
            MvcResult result = mvc.perform(MockMvcRequestBuilders.get(path).with(as(guest)))
                    .andReturn();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(404);
        }
        assertThat(page(guest, "/")).doesNotContain("href=\"/decisions\"");
        assertThat(page(member, "/")).contains("<a href=\"/decisions\">Decisions</a>");
    }

    private MockHttpServletRequestBuilder post(Account who, String path) {
        return MockMvcRequestBuilders.post(path).with(as(who)).with(csrf());
    }

    private String page(Account who, String path) throws Exception {
        MvcResult result =
                mvc.perform(MockMvcRequestBuilders.get(path).with(as(who))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return body(result);
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
