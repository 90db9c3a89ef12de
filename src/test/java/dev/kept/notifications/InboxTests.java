package dev.kept.notifications;

import static dev.kept.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.StatementCounter;
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

/** The inbox a page at a time, newest first: over the API and on the page with "Show more". */
@KeptApiTest
@AutoConfigureMockMvc
class InboxTests {

    private static final Instant FIRST = Instant.parse("2026-03-02T09:00:00Z");
    private static final Pattern MORE = Pattern.compile("href=\"(/notifications\\?[^\"]*cursor=[^\"]+)\"");

    @Autowired
    ApiFixtures api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatementCounter counter;

    @Autowired
    MockMvc mvc;

    @Test
    void pagesThroughTheInboxNewestFirstAndRefusesABadLimitOrCursor() {
        Account me = api.signUp();
        notices(me, 5);

        List<JsonNode> pages = api.pagesOf(me.token(), "/api/v1/notifications?limit=3");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)
                        .get("items")
                        .valueStream()
                        .map(n -> n.get("text").asString()))
                .containsExactly("Notice 5", "Notice 4", "Notice 3");
        assertThat(pages.get(0).get("items").get(0).get("read").asBoolean()).isFalse();
        assertThat(pages.get(1)
                        .get("items")
                        .valueStream()
                        .map(n -> n.get("text").asString()))
                .containsExactly("Notice 2", "Notice 1");
        api.expectPagingRefused(me.token(), "/api/v1/notifications");
    }

    @Test
    void readsTheInboxInTheSameStatementsForTenTimesAsMany() {
        long small = inboxStatements(3);
        long large = inboxStatements(30);

        assertThat(large).isEqualTo(small);
    }

    private long inboxStatements(int count) {
        Account me = api.signUp();
        notices(me, count);
        return counter.statementsOf(key -> {
            JsonNode page = api.getCounted(me.token(), "/api/v1/notifications?limit=2", key)
                    .json();
            assertThat(page.get("items").size()).isEqualTo(2);
        });
    }

    @Test
    void showsTheFirstPageAndTheRestOnShowMoreWithAndWithoutHtmx() throws Exception {
        Account me = api.signUp();
        notices(me, 55);

        String first = page(me, "/notifications");
        assertThat(first).contains(">Notice 55<").contains(">Notice 6<").doesNotContain(">Notice 5<");
        Matcher more = MORE.matcher(first);
        assertThat(more.find()).isTrue();
        String next = more.group(1).replace("&amp;", "&");
        assertThat(page(me, next))
                .contains("<h1>Inbox</h1>")
                .contains(">Notice 5<")
                .contains(">Notice 1<");
        MvcResult rows = mvc.perform(MockMvcRequestBuilders.get(next)
                        .header("HX-Request", "true")
                        .with(as(me)))
                .andReturn();
        assertThat(rows.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("<h1>")
                .contains(">Notice 1<")
                .doesNotContain(">Notice 6<")
                .contains("id=\"more-notice-list\"")
                .contains("data-hx-swap-oob=\"true\"");
        assertThat(page(me, "/notifications?cursor=forged")).contains(">Notice 55<");
    }

    private void notices(Account to, int count) {
        for (int i = 1; i <= count; i++) {
            jdbc.sql("""
                            insert into notification (id, organization_id, person_id, dedup_key, kind, text, link,
                                                      created_at, read_at, version)
                            values (:id, :organization, :person, :key, 'TEST', :text, '/', :at, null, 0)""")
                    .param("id", UUID.randomUUID())
                    .param("organization", to.organizationId())
                    .param("person", to.personId())
                    .param("key", "test:" + UUID.randomUUID())
                    .param("text", "Notice " + i)
                    .param("at", Timestamp.from(FIRST.plusSeconds(60L * i)))
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
