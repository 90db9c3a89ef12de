package dev.kept.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.Invitations;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.PersonDetails;
import dev.kept.people.SignUp;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class InvitationMailsTests {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp")).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("kept.base-url", () -> "https://kept.example.org/");
        // the tests run the sender themselves
        registry.add("kept.mail.send-first", () -> "PT87600H");
    }

    @Autowired
    People people;

    @Autowired
    Accounts accounts;

    @Autowired
    Invitations invites;

    @Autowired
    MailDelivery delivery;

    @Autowired
    MailSender sender;

    @Autowired
    JdbcClient jdbc;

    @Test
    void mailsTheInvitationLinkOverSmtpOnceTheInvitationIsCommitted() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Person founder = accounts.signUp(new SignUp(
                        "Acme " + suffix, "Ada", "ada-" + suffix + "@example.org", "analytical engine 1843", null))
                .admin();
        Caller admin = new Caller(founder.getId(), founder.getOrganizationId(), founder.getName());
        String email = "grace-" + suffix + "@example.org";

        invites.invite(admin, new PersonDetails("Grace", email, null, null, null, null, null));

        // the invitation reaches the outbox once its transaction commits, and the mail server at the next run
        MimeMessage mail = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            sender.sendDue();
                            return Arrays.stream(SMTP.getReceivedMessages())
                                    .filter(m -> sentTo(m, email))
                                    .findFirst();
                        },
                        found -> found.isPresent())
                .orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("You are invited to Acme " + suffix + " on Kept");
        assertThat(GreenMailUtil.getBody(mail))
                .contains("Ada invited you")
                .containsPattern("https://kept\\.example\\.org/invitations/[A-Za-z0-9_-]{43}")
                .contains("Change which e-mails Kept sends you: https://kept.example.org/settings/notifications");
        assertThat(jdbc.sql("select status from outgoing_mail where recipient = ?")
                        .param(email)
                        .query(String.class)
                        .list())
                .containsExactly("SENT");
    }

    @Test
    void sendsTheMailOfARedeliveredEventOnlyOnce() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Person founder = accounts.signUp(new SignUp(
                        "Acme " + suffix, "Ada", "ada-" + suffix + "@example.org", "analytical engine 1843", null))
                .admin();
        String email = "alan-" + suffix + "@example.org";
        String key = "invitation:" + UUID.randomUUID();

        delivery.deliver(founder.getOrganizationId(), key, new Mail(email, "You are invited", "first"));
        delivery.deliver(founder.getOrganizationId(), key, new Mail(email, "You are invited", "again"));
        sender.sendDue();
        sender.sendDue();

        assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(m -> sentTo(m, email)))
                .hasSize(1);
        assertThat(jdbc.sql("select count(*) from outgoing_mail where recipient = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static boolean sentTo(MimeMessage message, String email) {
        try {
            return message.getAllRecipients()[0].toString().equals(email);
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
