package dev.kept.recognition;

import static dev.kept.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.people.Caller;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The thanks page: the feed, the form (with a commitment prefilled), and what a bad form shows. */
@KeptApiTest
@AutoConfigureMockMvc
class KudosPagesTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    Kudos kudos;

    @Test
    void thanksATeamFromTheFormAndShowsItOnTheFeedAcrossTeams() throws Exception {
        Account admin = api.signUp();
        UUID sales = api.team(admin, ApiFixtures.unique("Sales"));
        Account giver = api.join(admin);

        MvcResult posted = mvc.perform(post(giver, "/kudos")
                        .param("toTeamId", sales.toString())
                        .param("toPersonId", "")
                        .param("message", "You rescued the launch"))
                .andReturn();

        assertThat(posted.getResponse().getStatus()).isEqualTo(302);
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/kudos");
        String feed = page(admin, "/kudos");
        assertThat(feed)
                .contains("You rescued the launch")
                .contains("<span class=\"badge\">across teams</span>")
                .contains(giver.name());
        assertThat(page(admin, "/")).contains("<a href=\"/kudos\">Thanks</a>");
    }

    @Test
    void prefillsACommitmentTheViewerSeesAndNothingElse() throws Exception {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account helper = api.join(admin);
        LocalDate due = LocalDate.now(clock).plusDays(4);
        UUID shared = api.commit(owner, due, "ORGANIZATION");
        UUID hidden = api.commit(owner, due, "PRIVATE");

        String prefilled = page(owner, "/kudos?forType=COMMITMENT&forId=" + shared);
        assertThat(prefilled)
                .contains("Publish the onboarding checklist for new engineers")
                .contains("name=\"forId\" value=\"" + shared + "\"");
        String refused = page(helper, "/kudos?forType=COMMITMENT&forId=" + hidden);
        assertThat(refused).doesNotContain("Publish the onboarding checklist").doesNotContain(hidden.toString());

        MvcResult given = mvc.perform(post(owner, "/kudos")
                        .param("toPersonId", helper.personId().toString())
                        .param("message", "Thanks for reviewing")
                        .param("forType", "COMMITMENT")
                        .param("forId", hidden.toString()))
                .andReturn();
        assertThat(given.getResponse().getStatus()).isEqualTo(302);
        assertThat(page(helper, "/kudos")).contains("Thanks for reviewing").contains("/commitments/" + hidden);
        assertThat(page(admin, "/kudos")).doesNotContain("Thanks for reviewing").doesNotContain(hidden.toString());
    }

    @Test
    void showsWhatIsWrongWithTheFormAndThanksNobody() throws Exception {
        Account admin = api.signUp();
        Account member = api.join(admin);

        MvcResult blank = mvc.perform(post(member, "/kudos")
                        .param("toPersonId", admin.personId().toString())
                        .param("message", " "))
                .andReturn();
        assertThat(blank.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(blank)).contains("Please fix the fields marked below.").contains("must not be blank");

        MvcResult nobody =
                mvc.perform(post(member, "/kudos").param("message", "Thanks")).andReturn();
        assertThat(nobody.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(nobody)).contains("Thank either one person or one team.");

        MvcResult self = mvc.perform(post(member, "/kudos")
                        .param("toPersonId", member.personId().toString())
                        .param("message", "Me"))
                .andReturn();
        assertThat(body(self)).contains("You cannot thank yourself.");

        Caller caller = new Caller(member.personId(), member.organizationId(), member.name());
        assertThat(kudos.feed(caller, null, null, 50).items()).isEmpty();
    }

    @Test
    void answersAGuestAsIfThanksDidNotExist() throws Exception {
        Account admin = api.signUp();
        Account member = api.join(admin);
        Account guest = api.guest(member, "COACH");
        api.post(
                        admin.token(),
                        "/api/v1/kudos",
                        Map.of("toPersonId", member.personId().toString(), "message", "Hi"))
                .expect(201);

        MvcResult result = mvc.perform(MockMvcRequestBuilders.get("/kudos").with(as(guest)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(result)).doesNotContain("Hi");
        assertThat(mvc.perform(post(guest, "/kudos")
                                .param("toPersonId", member.personId().toString())
                                .param("message", "Hello"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(page(guest, "/")).doesNotContain("href=\"/kudos\"");
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
