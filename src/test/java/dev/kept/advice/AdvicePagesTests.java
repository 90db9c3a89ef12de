package dev.kept.advice;

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
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The advice pages: each form, what a bad form shows, and what a guest gets (404). */
@KeptApiTest
@AutoConfigureMockMvc
class AdvicePagesTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MockMvc mvc;

    @Autowired
    AdviceRequests advice;

    @Test
    void asksForAdviceFromTheFormAndShowsWhoIsInvited() throws Exception {
        Account admin = api.signUp();
        UUID data = api.team(admin, ApiFixtures.unique("Data"));
        Account asker = api.join(admin);
        Account expert = api.join(admin, Map.of("teamId", data.toString()));
        api.send(HttpMethod.PUT, expert.token(), "/api/v1/me/strengths", Map.of("strengths", List.of("postgres")))
                .expect(200);

        MvcResult asked = mvc.perform(post(asker, "/advice")
                        .param("question", "Why is the report slow?")
                        .param("details", "It takes an hour.")
                        .param("areas", "Postgres, indexing"))
                .andReturn();

        assertThat(asked.getResponse().getStatus()).isEqualTo(302);
        UUID id =
                advice.list(caller(asker), false, true, null, 50).items().get(0).id();
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/advice/" + id);
        String page = page(admin, "/advice/" + id);
        assertThat(page)
                .contains("<h1>Why is the report slow?</h1>")
                .contains("<span class=\"badge\">postgres</span>")
                .contains("Invited to answer:")
                .contains(expert.name());
        assertThat(page(expert, "/advice?invited=true")).contains("Why is the report slow?");
        assertThat(page(asker, "/advice/new")).contains("<form class=\"stacked\" action=\"/advice\"");
    }

    @Test
    void showsWhatIsWrongWithTheAskFormAndAsksNothing() throws Exception {
        Account admin = api.signUp();
        Account asker = api.join(admin);

        MvcResult blank = mvc.perform(
                        post(asker, "/advice").param("question", "").param("areas", "a"))
                .andReturn();
        assertThat(blank.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(blank)).contains("Please fix the fields marked below.").contains("must not be blank");

        MvcResult tooMany = mvc.perform(
                        post(asker, "/advice").param("question", "Fine?").param("areas", "a, b, c, d, e, f"))
                .andReturn();
        assertThat(tooMany.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(tooMany)).contains("Name at most 5 areas.");
        assertThat(advice.list(caller(asker), false, true, null, 50).items()).isEmpty();
    }

    @Test
    void answersJudgesAndClosesFromTheRequestPage() throws Exception {
        Account admin = api.signUp();
        Account asker = api.join(admin);
        Account helper = api.join(admin);
        UUID id = api.post(
                        asker.token(),
                        "/api/v1/advice-requests",
                        Map.of("question", "How to price?", "areas", List.of("pricing")))
                .expect(201)
                .id();

        MvcResult empty = mvc.perform(post(helper, "/advice/" + id + "/answers").param("text", " "))
                .andReturn();
        assertThat(empty.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(empty)).contains("must not be blank");
        MvcResult answered = mvc.perform(
                        post(helper, "/advice/" + id + "/answers").param("text", "Start from the value."))
                .andReturn();
        assertThat(answered.getResponse().getStatus()).isEqualTo(302);
        assertThat(page(asker, "/advice/" + id))
                .contains("Start from the value.")
                .contains("Helpful");
        assertThat(page(asker, "/advice/" + id)).doesNotContain("<h2>Answer</h2>");
        assertThat(page(helper, "/advice/" + id)).doesNotContain("Close this request");

        UUID answer = advice.get(caller(asker), id).answers().get(0).id();
        assertThat(mvc.perform(post(helper, "/advice/" + id + "/answers/" + answer + "/helpful")
                                .param("helpful", "true"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        mvc.perform(post(asker, "/advice/" + id + "/answers/" + answer + "/helpful")
                        .param("helpful", "true"))
                .andReturn();
        assertThat(page(admin, "/advice/" + id)).contains("<span class=\"badge\">helpful</span>");
        mvc.perform(post(asker, "/advice/" + id + "/close")).andReturn();
        assertThat(advice.get(caller(asker), id).open()).isFalse();
        assertThat(page(helper, "/advice/" + id))
                .contains("<span class=\"badge\">closed</span>")
                .doesNotContain("<h2>Answer</h2>");
    }

    @Test
    void answersAGuestAsIfAdviceDidNotExist() throws Exception {
        Account admin = api.signUp();
        Account member = api.join(admin);
        Account guest = api.guest(member, "COACH");
        for (String path : List.of("/advice", "/advice/new")) {
            MvcResult result = mvc.perform(MockMvcRequestBuilders.get(path).with(as(guest)))
                    .andReturn();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(404);
        }
        assertThat(mvc.perform(post(guest, "/advice").param("question", "Hi?").param("areas", "a"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(page(guest, "/")).doesNotContain("href=\"/advice\"");
        assertThat(page(member, "/")).contains("<a href=\"/advice\">Advice</a>");
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
