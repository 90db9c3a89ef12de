package dev.kept.recognition;

import static dev.kept.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.StatementCounter;
import dev.kept.people.PeopleFixtures;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/** The thanks feed a page at a time: over the API, and on the page with a team filter and "Show more". */
@KeptApiTest
@AutoConfigureMockMvc
class KudosListTests {

    private static final Instant FIRST = Instant.parse("2026-02-02T09:00:00Z");
    private static final Pattern MORE = Pattern.compile("href=\"(/kudos\\?[^\"]*cursor=[^\"]+)\"");

    @Autowired
    ApiFixtures api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatementCounter counter;

    @Autowired
    MockMvc mvc;

    // each batch of thanks is newer than the one before
    private long offset;

    @Test
    void pagesThroughTheThanksNewestFirstAndRefusesABadLimitOrCursor() {
        Account admin = api.signUp();
        List<UUID> people = new PeopleFixtures(jdbc).people(admin.organizationId(), "Helper", 1, null, null, null);
        thanks(admin.organizationId(), people.get(0), admin.personId(), null, 5);

        List<JsonNode> pages = api.pagesOf(admin.token(), "/api/v1/kudos?limit=3");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)
                        .get("items")
                        .valueStream()
                        .map(k -> k.get("message").asString()))
                .containsExactly("Thanks 5", "Thanks 4", "Thanks 3");
        assertThat(pages.get(1)
                        .get("items")
                        .valueStream()
                        .map(k -> k.get("message").asString()))
                .containsExactly("Thanks 2", "Thanks 1");
        api.expectPagingRefused(admin.token(), "/api/v1/kudos");
    }

    @Test
    void readsTheFeedInTheSameStatementsForTenTimesAsMany() {
        long small = feedStatements(3);
        long large = feedStatements(30);

        assertThat(large).isEqualTo(small);
    }

    private long feedStatements(int count) {
        Account admin = api.signUp();
        List<UUID> givers = new PeopleFixtures(jdbc).people(admin.organizationId(), "Giver", count, null, null, null);
        for (UUID giver : givers) {
            thanks(admin.organizationId(), giver, admin.personId(), null, 2);
        }
        return counter.statementsOf(key -> {
            JsonNode page =
                    api.getCounted(admin.token(), "/api/v1/kudos?limit=4", key).json();
            assertThat(page.get("items").size()).isEqualTo(4);
        });
    }

    @Test
    void showsTheFirstPageAndTheRestOnShowMoreWithAndWithoutHtmxAndFiltersByTeam() throws Exception {
        Account admin = api.signUp();
        PeopleFixtures fixtures = new PeopleFixtures(jdbc);
        UUID sales = fixtures.team(admin.organizationId(), "Sales");
        UUID seller = fixtures.people(admin.organizationId(), "Seller", 1, null, sales, null)
                .get(0);
        UUID other = fixtures.people(admin.organizationId(), "Other", 1, null, null, null)
                .get(0);
        thanks(admin.organizationId(), other, admin.personId(), null, 55);
        thanks(admin.organizationId(), seller, admin.personId(), "Sales thanks", 1);

        String first = page(admin, "/kudos");
        assertThat(first).contains("Sales thanks").contains("Thanks 55").doesNotContain(">Thanks 6<");
        Matcher more = MORE.matcher(first);
        assertThat(more.find()).isTrue();
        String next = more.group(1).replace("&amp;", "&");
        assertThat(page(admin, next))
                .contains("<h1>Thanks</h1>")
                .contains(">Thanks 6<")
                .contains(">Thanks 1<");
        MvcResult rows = mvc.perform(MockMvcRequestBuilders.get(next)
                        .header("HX-Request", "true")
                        .with(as(admin)))
                .andReturn();
        assertThat(rows.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("<h1>")
                .contains(">Thanks 6<")
                .contains("id=\"more-kudos-list\"")
                .contains("data-hx-swap-oob=\"true\"");

        String filtered = page(admin, "/kudos?team=" + sales);
        assertThat(filtered).contains("Sales thanks").doesNotContain("Thanks 55");
        assertThat(page(admin, "/kudos?cursor=forged")).contains("Thanks 55");
    }

    @Test
    void thanksAPersonNamedByEMailOnThePage() throws Exception {
        Account admin = api.signUp();
        Account grace = api.join(admin);

        MvcResult posted = mvc.perform(
                        MockMvcRequestBuilders.post("/kudos")
                                .with(as(admin))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("toPersonEmail", grace.email().toUpperCase())
                                .param("message", "Thanks for the review"))
                .andReturn();

        assertThat(posted.getResponse().getStatus()).isEqualTo(302);
        assertThat(api.get(grace.token(), "/api/v1/kudos")
                        .json()
                        .get("items")
                        .get(0)
                        .get("toPersonId")
                        .asString())
                .isEqualTo(grace.personId().toString());
        assertThat(page(admin, "/kudos")).doesNotContain("<option value=\"" + grace.personId());
    }

    /** {@code count} thanks from the giver to the person, a minute apart, "Thanks 1" the oldest. */
    private void thanks(UUID organizationId, UUID giver, UUID to, String message, int count) {
        Instant base = FIRST.plusSeconds(offset);
        offset += 60L * (count + 1);
        for (int i = 1; i <= count; i++) {
            jdbc.sql("""
                            insert into kudos (id, organization_id, giver_id, to_person_id, to_team_id, message,
                                               for_type, for_id, across_teams, created_at)
                            values (:id, :organization, :giver, :to, null, :message, null, null, false, :at)""")
                    .param("id", UUID.randomUUID())
                    .param("organization", organizationId)
                    .param("giver", giver)
                    .param("to", to)
                    .param("message", message == null ? "Thanks " + i : message)
                    .param("at", Timestamp.from(base.plusSeconds(60L * i)))
                    .update();
        }
    }

    private String page(Account who, String path) throws Exception {
        MvcResult result =
                mvc.perform(MockMvcRequestBuilders.get(path).with(as(who))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
