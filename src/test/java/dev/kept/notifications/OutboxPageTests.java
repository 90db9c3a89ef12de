package dev.kept.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.people.Caller;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The admin outbox without a mail server (evaluation): it shows the invitation links, the only way
 * to let people in, and says at the top that whoever reads one can act as that person. The same
 * page with a mail server is in {@link MailQueueTests}.
 */
@KeptApiTest
@AutoConfigureMockMvc
class OutboxPageTests {

    private static final String WARNING = "No mail server is configured, so the invitation links below are live:"
            + " anyone who reads one can set that person&#39;s password and act as them in Kept.";

    @Autowired
    ApiFixtures api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Test
    void showsTheLiveInvitationLinksUnderAWarning() {
        Account admin = api.signUp();
        String email = ApiFixtures.uniqueEmail("grace");
        api.invite(admin, Map.of("name", "Grace", "email", email)).expect(201);
        String token = api.invitationToken(email);

        String page = outbox(admin);

        assertThat(page).contains("<p class=\"warning\" id=\"live-links\">" + WARNING);
        assertThat(page.indexOf("id=\"live-links\"")).isLessThan(page.indexOf("<article"));
        assertThat(page).contains(email).contains("/invitations/" + token).contains("logged, not sent");
    }

    @Test
    void saysSoWhereTheLinkOfAMailSentEarlierIsNoLongerKept() {
        Account admin = api.signUp();
        String email = ApiFixtures.uniqueEmail("sent-before");
        // sent while a mail server was configured: its body went with it
        jdbc.sql("""
                        insert into outgoing_mail (id, organization_id, dedup_key, recipient, subject, body, status,
                                                   secret_link, created_at, sent_at, version)
                        values (:id, :organization, :key, :to, 'You are invited', '', 'SENT', true, :at, :at, 1)""")
                .param("id", UUID.randomUUID())
                .param("organization", admin.organizationId())
                .param("key", "invitation:" + UUID.randomUUID())
                .param("to", email)
                .param("at", Timestamp.from(Instant.now()))
                .update();

        assertThat(outbox(admin))
                .contains(email)
                .contains("It holds a link for its recipient alone, so its text is not shown.")
                .doesNotContain("<pre class=\"mail\"></pre>");
    }

    @Test
    void showsTwentyFiveMailsAtATimeAndTheRestOnShowMore() {
        Account admin = api.signUp();
        Instant first = Instant.parse("2026-03-01T09:00:00Z");
        for (int i = 0; i < 30; i++) {
            // mostly two at each instant, where the id breaks the tie; the page ends between
            // 105 and 104, which are not tied, so which mails the first page holds is certain
            mail(admin, "Paged mail " + (100 + i), first.plusSeconds((i + 1) / 2));
        }

        String page = outbox(admin, "/admin/outbox");
        assertThat(count(page, "Paged mail ")).isEqualTo(OutboxPage.PER_PAGE);
        assertThat(page).contains("Paged mail 129").doesNotContain("Paged mail 104");
        String more = moreHref(page);
        assertThat(more).startsWith("/admin/outbox?cursor=");

        String htmx = outbox(admin, more, true);
        assertThat(htmx).doesNotContain("<html").doesNotContain("Paged mail 105");
        assertThat(count(htmx, "Paged mail ")).isEqualTo(5);
        assertThat(htmx).contains("data-hx-swap-oob=\"true\"").doesNotContain("cursor=");
        String plain = outbox(admin, more);
        assertThat(plain).contains("<h1>Outbox</h1>").contains("Paged mail 100").doesNotContain("Paged mail 105");

        assertThat(outbox(admin, "/admin/outbox?cursor=forged")).contains("Paged mail 129");
    }

    private void mail(Account admin, String subject, Instant at) {
        jdbc.sql("""
                        insert into outgoing_mail (id, organization_id, dedup_key, recipient, subject, body, status,
                                                   secret_link, created_at, sent_at, version)
                        values (:id, :organization, :key, 'someone@example.test', :subject, 'Hello', 'SENT', false,
                                :at, :at, 1)""")
                .param("id", UUID.randomUUID())
                .param("organization", admin.organizationId())
                .param("key", "paged:" + UUID.randomUUID())
                .param("subject", subject)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static int count(String page, String text) {
        return page.split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    private static String moreHref(String page) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\"[^>]*data-hx-get")
                .matcher(page);
        assertThat(link.find()).as("a Show more link").isTrue();
        return link.group(1).replace("&amp;", "&");
    }

    private String outbox(Account admin) {
        return outbox(admin, "/admin/outbox");
    }

    private String outbox(Account admin, String uri) {
        return outbox(admin, uri, false);
    }

    private String outbox(Account admin, String uri, boolean htmx) {
        var request = mvc.get().uri(uri);
        if (htmx) {
            request.header("HX-Request", "true");
        }
        MvcTestResult page = request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                        new Caller(admin.personId(), admin.organizationId(), admin.name()),
                        null,
                        AuthorityUtils.createAuthorityList("ROLE_MEMBER"))))
                .exchange();
        assertThat(page).hasStatusOk();
        try {
            return page.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
