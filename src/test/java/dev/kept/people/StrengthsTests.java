package dev.kept.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** A member's strengths: set over the API and on the profile page, shown on their page, found by area. */
@KeptApiTest
@AutoConfigureMockMvc
class StrengthsTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    private ApiResponse put(Account who, Object strengths) {
        return api.send(HttpMethod.PUT, who.token(), "/api/v1/me/strengths", Map.of("strengths", strengths));
    }

    @Test
    void storesStrengthsTrimmedInLowerCaseOnceEachAndShowsThem() {
        Account admin = api.signUp();
        Account member = api.join(admin);

        JsonNode saved = put(member, List.of("  PostgreSQL ", "hiring", "postgresql", "Pricing"))
                .expect(200)
                .json();

        assertThat(saved.get("strengths").valueStream().map(JsonNode::asString))
                .containsExactly("hiring", "postgresql", "pricing");
        assertThat(api.get(member.token(), "/api/v1/me")
                        .json()
                        .get("strengths")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly("hiring", "postgresql", "pricing");
        assertThat(api.get(admin.token(), "/api/v1/people/" + member.personId())
                        .expect(200)
                        .json()
                        .get("strengths")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly("hiring", "postgresql", "pricing");

        put(member, List.of("hiring")).expect(200);
        assertThat(people.strengthsOf(member.organizationId(), member.personId()))
                .containsExactly("hiring");
        put(member, List.of()).expect(200);
        assertThat(people.strengthsOf(member.organizationId(), member.personId()))
                .isEmpty();
    }

    @Test
    void refusesTooManyTooLongOrBlankStrengthsAndKeepsTheOldOnes() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        put(member, List.of("hiring")).expect(200);

        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("area " + i);
        }
        JsonNode tooMany = put(member, eleven).expectProblem(422);
        assertThat(tooMany.get("reason").asString()).isEqualTo("TOO_MANY_TAGS");
        assertThat(tooMany.get("field").asString()).isEqualTo("strengths");
        assertThat(put(member, List.of("x".repeat(41)))
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("TAG_TOO_LONG");
        assertThat(put(member, List.of("ok", "  "))
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("TAG_BLANK");
        put(member, List.of("x".repeat(40))).expect(200);
        assertThat(api.send(HttpMethod.PUT, member.token(), "/api/v1/me/strengths", Map.of())
                        .expectProblem(400)
                        .toString())
                .contains("strengths");
        assertThat(people.strengthsOf(member.organizationId(), member.personId()))
                .containsExactly("x".repeat(40));
    }

    @Test
    void findsActiveMembersWithAnyOfTheAreasButNeverGuests() {
        Account admin = api.signUp();
        Account dba = api.join(admin);
        Account recruiter = api.join(admin);
        Account other = api.join(admin);
        Account guest = api.guest(admin, "COACH");
        put(dba, List.of("postgres", "backups")).expect(200);
        put(recruiter, List.of("hiring")).expect(200);
        put(other, List.of("pricing")).expect(200);
        put(guest, List.of("postgres")).expect(200);

        assertThat(people.withStrengths(admin.organizationId(), List.of("postgres", "hiring")).stream()
                        .map(Person::getId))
                .containsExactlyInAnyOrder(dba.personId(), recruiter.personId());
        assertThat(people.withStrengths(api.signUp().organizationId(), List.of("postgres")))
                .isEmpty();
    }

    @Test
    void theProfilePageSavesStrengthsFromACommaSeparatedFieldAndShowsAProblem() throws Exception {
        Account admin = api.signUp();
        Account member = api.join(admin);

        MvcResult saved = mvc.perform(MockMvcRequestBuilders.post("/settings/profile")
                        .with(as(member))
                        .with(csrf())
                        .param("name", member.name())
                        .param("timeZone", "Europe/Paris")
                        .param("strengths", "Hiring, , POSTGRES,hiring"))
                .andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(people.strengthsOf(member.organizationId(), member.personId()))
                .containsExactly("hiring", "postgres");
        assertThat(page(member, "/settings/profile")).contains("value=\"hiring, postgres\"");
        assertThat(page(admin, "/people/" + member.personId()))
                .contains("<span class=\"badge\">hiring</span>")
                .contains("<span class=\"badge\">postgres</span>");

        MvcResult refused = mvc.perform(MockMvcRequestBuilders.post("/settings/profile")
                        .with(as(member))
                        .with(csrf())
                        .param("name", "A new name")
                        .param("timeZone", "Europe/Paris")
                        .param("strengths", "a, " + "b".repeat(41)))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("A tag has at most 40 characters");
        assertThat(people.strengthsOf(member.organizationId(), member.personId()))
                .containsExactly("hiring", "postgres");
        assertThat(api.get(member.token(), "/api/v1/me").text("name")).isEqualTo(member.name());
    }

    private String page(Account who, String path) throws Exception {
        MvcResult result =
                mvc.perform(MockMvcRequestBuilders.get(path).with(as(who))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static RequestPostProcessor as(Account account) {
        Caller caller = new Caller(account.personId(), account.organizationId(), account.name());
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                caller, null, AuthorityUtils.createAuthorityList("ROLE_MEMBER")));
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }
}
