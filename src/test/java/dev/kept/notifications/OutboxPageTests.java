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

    private String outbox(Account admin) {
        MvcTestResult page = mvc.get()
                .uri("/admin/outbox")
                .with(authentication(UsernamePasswordAuthenticationToken.authenticated(
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
