package dev.kept.people;

import static dev.kept.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.StatementCounter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The directory and team pages: a first page with "Show more" (a link, and with htmx only the next
 * rows), a search form, teams with counts and no picker of the whole organization, a team's own
 * page where an admin renames it and names its lead by e-mail.
 */
@KeptApiTest
@AutoConfigureMockMvc
class PeopleListPagesTests {

    private static final Pattern MORE = Pattern.compile("href=\"(/people\\?[^\"]*cursor=[^\"]+)\"");

    @Autowired
    ApiFixtures api;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatementCounter counter;

    @Test
    void showsTheFirstPageOfPeopleAndTheRestOnShowMoreWithAndWithoutHtmx() throws Exception {
        Account admin = api.signUp();
        new PeopleFixtures(jdbc).people(admin.organizationId(), "Zed", 60, null, null, null);

        String first = page(admin, "/people");
        assertThat(first).contains("Zed 001").contains("Zed 049").doesNotContain("Zed 050");
        assertThat(first).contains("id=\"people-list\"").contains("data-hx-get=");
        String more = moreHref(first);

        String plain = page(admin, more);
        assertThat(plain)
                .as("without JavaScript: the whole page from the next cursor")
                .contains("<h1>People</h1>")
                .contains("Zed 050")
                .contains("Zed 060")
                .doesNotContain("Zed 049");
        String rows = body(mvc.perform(MockMvcRequestBuilders.get(more)
                        .header("HX-Request", "true")
                        .with(as(admin)))
                .andReturn());
        assertThat(rows)
                .as("with htmx: only the next rows and the out-of-band end of the list")
                .doesNotContain("<h1>")
                .doesNotContain("<html")
                .contains("<li")
                .contains("Zed 060")
                .contains("id=\"more-people-list\"")
                .contains("data-hx-swap-oob=\"true\"")
                .doesNotContain("cursor=");
        assertThat(page(admin, "/people?cursor=forged"))
                .as("a bad cursor starts over")
                .contains("Zed 001");
    }

    @Test
    void searchesThePeoplePageByNameTeamAndTitle() throws Exception {
        Account admin = api.signUp();
        PeopleFixtures fixtures = new PeopleFixtures(jdbc);
        UUID platform = fixtures.team(admin.organizationId(), "Platform");
        fixtures.people(admin.organizationId(), "Grace", 1, "Engineer", platform, null);
        fixtures.people(admin.organizationId(), "Alan", 1, "Analyst", null, null);

        assertThat(page(admin, "/people?q=grace")).contains("Grace 001").doesNotContain("Alan 001");
        assertThat(page(admin, "/people?team=" + platform))
                .contains("Grace 001")
                .doesNotContain("Alan 001");
        assertThat(page(admin, "/people?title=analyst")).contains("Alan 001").doesNotContain("Grace 001");
        assertThat(page(admin, "/people?q=" + "x".repeat(500))).contains("No one matches.");
    }

    @Test
    void showsThePeoplePageInTheSameStatementsForTenTimesAsMany() throws Exception {
        long small = pageStatements(3, "small");
        long large = pageStatements(30, "large");

        assertThat(large).isEqualTo(small);
    }

    private long pageStatements(int count, String key) throws Exception {
        Account admin = api.signUp();
        PeopleFixtures fixtures = new PeopleFixtures(jdbc);
        UUID team = fixtures.team(admin.organizationId(), "Team");
        List<UUID> bosses = fixtures.people(admin.organizationId(), "Boss", count, null, team, null);
        fixtures.people(admin.organizationId(), "Report", count, null, team, bosses.get(0));
        String unique = key + UUID.randomUUID();
        String body = body(mvc.perform(MockMvcRequestBuilders.get("/people")
                        .header(StatementCounter.HEADER, unique)
                        .with(as(admin)))
                .andReturn());
        assertThat(body).contains("Boss 001");
        return counter.statements(unique);
    }

    @Test
    void listsTeamsWithCountsAndNoPickerOfTheWholeOrganization() throws Exception {
        Account admin = api.signUp();
        PeopleFixtures fixtures = new PeopleFixtures(jdbc);
        UUID platform = fixtures.team(admin.organizationId(), "Platform");
        fixtures.people(admin.organizationId(), "Member", 12, null, platform, null);
        fixtures.team(admin.organizationId(), "Sales");

        String teams = page(admin, "/teams");

        assertThat(teams)
                .contains("Platform")
                .contains("12 members")
                .contains("Sales")
                .contains("no members")
                .contains("href=\"/teams/" + platform + "\"")
                .doesNotContain("Member 001")
                .doesNotContain("<select name=\"leadId\"")
                .contains("id=\"leadEmail\"");
        assertThat(page(admin, "/teams/" + platform))
                .contains("Platform")
                .contains("href=\"/people?team=" + platform + "\"")
                .doesNotContain("Member 001");
    }

    @Test
    void anAdminRenamesATeamAndNamesItsLeadByEMailOnTheTeamsPage() throws Exception {
        Account admin = api.signUp();
        Account grace = api.join(admin);
        UUID team = api.team(admin, ApiFixtures.unique("Core"));

        MvcResult unknown = mvc.perform(
                        post(admin, "/teams/" + team).param("name", "Core").param("leadEmail", "nobody@example.test"))
                .andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(unknown)).contains("There is no one with this e-mail address in this organization.");

        MvcResult saved = mvc.perform(post(admin, "/teams/" + team)
                        .param("name", "Platform")
                        .param("leadEmail", grace.email().toUpperCase()))
                .andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/teams/" + team);
        var view = api.get(admin.token(), "/api/v1/teams/" + team).expect(200).json();
        assertThat(view.get("name").asString()).isEqualTo("Platform");
        assertThat(view.get("leadId").asString()).isEqualTo(grace.personId().toString());
        assertThat(view.get("members").asLong())
                .as("a lead without a team joins it")
                .isEqualTo(1);
        assertThat(page(admin, "/teams/" + team)).contains("value=\"" + grace.email() + "\"");

        MvcResult noLead = mvc.perform(
                        post(admin, "/teams/" + team).param("name", "Platform").param("leadEmail", ""))
                .andReturn();
        assertThat(noLead.getResponse().getStatus()).isEqualTo(302);
        assertThat(api.get(admin.token(), "/api/v1/teams/" + team)
                        .json()
                        .get("leadId")
                        .isNull())
                .isTrue();

        MvcResult formed = mvc.perform(
                        post(admin, "/teams").param("name", "Sales").param("leadEmail", grace.email()))
                .andReturn();
        assertThat(formed.getResponse().getStatus()).isEqualTo(302);
        assertThat(page(admin, "/teams")).contains("Sales").contains("led by " + grace.name());
        assertThat(mvc.perform(post(grace, "/teams/" + team).param("name", "Mine"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void anAdminNamesAManagerByEMailOnAPersonsPage() throws Exception {
        Account admin = api.signUp();
        Account grace = api.join(admin);

        String form = page(admin, "/people/" + grace.personId());
        assertThat(form).contains("id=\"managerEmail\"").doesNotContain("<select id=\"managerId\"");
        MvcResult saved = mvc.perform(post(admin, "/people/" + grace.personId())
                        .param("managerEmail", admin.email())
                        .param("role", "MEMBER"))
                .andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(api.get(admin.token(), "/api/v1/people/" + grace.personId()).text("managerId"))
                .isEqualTo(admin.personId().toString());
        assertThat(page(admin, "/people/" + grace.personId())).contains("value=\"" + admin.email() + "\"");

        MvcResult unknown = mvc.perform(post(admin, "/people/" + grace.personId())
                        .param("managerEmail", "nobody@example.test")
                        .param("role", "MEMBER"))
                .andReturn();
        assertThat(body(unknown)).contains("There is no one with this e-mail address in this organization.");
    }

    private String moreHref(String html) {
        Matcher found = MORE.matcher(html);
        assertThat(found.find()).as("a Show more link").isTrue();
        return found.group(1).replace("&amp;", "&");
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
