package dev.kept.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.Invitations;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.PersonDetails;
import dev.kept.people.SignUp;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The outbox as a queue: each mail is sent once, a failed attempt waits longer each time, a mail is
 * given up after the last attempt, a claim left by a stopped instance is taken back, attachments go
 * as MIME parts, and every mail ends with the link to the notification preferences.
 */
@KeptApiTest
@AutoConfigureMockMvc
class MailQueueTests {

    private static final int SMTP_PORT = freePort();

    private static final String FOOTER =
            "Change which e-mails Kept sends you: https://kept.example.org/settings/notifications";

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp")).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("kept.base-url", () -> "https://kept.example.org/");
        // the tests run the sender themselves, with their own clock
        registry.add("kept.mail.send-first", () -> "PT87600H");
    }

    @Autowired
    MailDelivery delivery;

    @Autowired
    MailSender sender;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    People people;

    @Autowired
    Accounts accounts;

    @Autowired
    Invitations invites;

    @Autowired
    LockProvider locks;

    @Autowired
    MockMvcTester mvc;

    private Caller admin;
    private String domain;

    @BeforeEach
    void organizationAndAStillClock() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        domain = "queue-" + suffix + ".example.org";
        Person founder = accounts.signUp(
                        new SignUp("Acme " + suffix, "Ada", "ada@" + domain, "analytical engine 1843", null))
                .admin();
        admin = new Caller(founder.getId(), founder.getOrganizationId(), founder.getName());
        clock.freeze();
        // on a whole second, so that the waits compare exactly with what the database keeps
        clock.advance(Duration.ofNanos(-clock.instant().getNano()));
    }

    @AfterEach
    void serverUpAndNothingLeftWaiting() {
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
        // on the PostgreSQL run every test class shares the database: leave no mail for another's sender
        jdbc.sql("delete from outgoing_mail where organization_id = :organization")
                .param("organization", admin.organizationId())
                .update();
    }

    @Test
    void sendsAMailOnceWithTheLinkToTheNotificationPreferences() throws Exception {
        String to = to("grace");

        deliver(to, new Mail(to, "Your check-in on Monday", "See you on Monday.\n"));
        assertThat(row(to).status()).isEqualTo("PENDING");
        sender.sendDue();
        sender.sendDue();

        MimeMessage mail = single(to);
        assertThat(mail.getSubject()).isEqualTo("Your check-in on Monday");
        assertThat(text(mail)).startsWith("See you on Monday.").contains(FOOTER);
        assertThat(row(to)).isEqualTo(new Row("SENT", 0, clock.instant(), null, clock.instant()));
    }

    @Test
    void addsNothingWhenTheSameMailIsDeliveredAgain() throws Exception {
        String to = to("alan");
        String key = "test:" + UUID.randomUUID();

        delivery.deliver(admin.organizationId(), key, new Mail(to, "Invited", "first"));
        delivery.deliver(admin.organizationId(), key, new Mail(to, "Invited", "again"));
        sender.sendDue();
        delivery.deliver(admin.organizationId(), key, new Mail(to, "Invited", "after it was sent"));
        sender.sendDue();

        assertThat(text(single(to))).startsWith("first").contains(FOOTER);
        assertThat(jdbc.sql("select count(*) from outgoing_mail where dedup_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void waitsLongerAfterEachFailureAndSendsOnceWhenTheServerIsBack() throws Exception {
        String to = to("grace");
        SMTP.stop();
        deliver(to, new Mail(to, "Your check-in on Monday", "See you on Monday."));

        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 9; attempt++) {
            Instant triedAt = clock.instant();
            sender.sendDue();
            Row row = row(to);
            assertThat(row.status()).isEqualTo("PENDING");
            assertThat(row.attempts()).isEqualTo(attempt);
            assertThat(row.lastError()).contains("Connection refused").hasSizeLessThanOrEqualTo(500);
            waits.add(Duration.between(triedAt, row.nextAttemptAt()));

            // not before its time
            clock.advance(Duration.between(clock.instant(), row.nextAttemptAt()).minusSeconds(1));
            sender.sendDue();
            assertThat(row(to).attempts()).isEqualTo(attempt);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(120),
                        Duration.ofSeconds(240),
                        Duration.ofSeconds(480),
                        Duration.ofSeconds(960),
                        Duration.ofSeconds(1920),
                        Duration.ofHours(1),
                        Duration.ofHours(1));

        SMTP.start();
        sender.sendDue();
        sender.sendDue();
        clock.advance(Duration.ofHours(2));
        sender.sendDue();

        assertThat(received(to)).hasSize(1);
        Row sent = row(to);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(9);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        String to = to("grace");
        SMTP.stop();
        deliver(to, new Mail(to, "Your check-in on Monday", "See you on Monday."));

        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(row(to).status()).isEqualTo("PENDING");
            sender.sendDue();
            clock.advance(Duration.ofHours(1));
        }
        Row failed = row(to);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(20);
        assertThat(failed.lastError())
                .contains("Connection refused")
                .doesNotContain("\n")
                .doesNotContain("\tat ")
                .hasSizeLessThanOrEqualTo(500);

        SMTP.start();
        clock.advance(Duration.ofDays(1));
        sender.sendDue();
        assertThat(received(to)).isEmpty();
        assertThat(row(to).status()).isEqualTo("FAILED");
    }

    @Test
    void sendsAgainAMailLeftClaimedByAnInstanceThatStopped() {
        String abandoned = to("abandoned");
        String inProgress = to("in-progress");
        deliver(abandoned, new Mail(abandoned, "One", "Left behind."));
        deliver(inProgress, new Mail(inProgress, "Two", "Being sent elsewhere."));
        claimedAgo(abandoned, Duration.ofMinutes(10).plusSeconds(1));
        claimedAgo(inProgress, Duration.ofMinutes(9));

        sender.sendDue();

        assertThat(received(abandoned)).hasSize(1);
        assertThat(row(abandoned).status()).isEqualTo("SENT");
        assertThat(received(inProgress)).isEmpty();
        assertThat(row(inProgress).status()).isEqualTo("SENDING");

        clock.advance(Duration.ofMinutes(2));
        sender.sendDue();
        sender.sendDue();
        assertThat(received(inProgress)).hasSize(1);
        assertThat(received(abandoned)).hasSize(1);
    }

    @Test
    void sendsAnAttachmentAsAMimePartWithItsContentType() throws Exception {
        String to = to("grace");
        String invitation = """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Kept//Tests//EN\r
                METHOD:REQUEST\r
                BEGIN:VEVENT\r
                UID:check-in-1@kept.example.org\r
                DTSTART:20261123T090000Z\r
                SUMMARY:Check-in\r
                END:VEVENT\r
                END:VCALENDAR\r
                """;

        deliver(
                to,
                new Mail(to, "Check-in with Ada", "Your check-in is attached.")
                        .withAttachment(new Mail.Attachment(
                                "check-in.ics", "text/calendar; method=REQUEST; charset=UTF-8", invitation)));
        sender.sendDue();

        MimeMessage mail = single(to);
        assertThat(new ContentType(mail.getContentType()).getBaseType()).isEqualTo("multipart/mixed");
        Part calendar = parts(mail).stream()
                .filter(part -> "check-in.ics".equals(fileName(part)))
                .findFirst()
                .orElseThrow();
        ContentType type = new ContentType(calendar.getContentType());
        assertThat(type.getBaseType()).isEqualTo("text/calendar");
        assertThat(type.getParameter("method")).isEqualTo("REQUEST");
        assertThat(type.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        try (InputStream content = calendar.getInputStream()) {
            assertThat(new String(content.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("METHOD:REQUEST")
                    .contains("UID:check-in-1@kept.example.org");
        }
        assertThat(text(mail)).startsWith("Your check-in is attached.").contains(FOOTER);
        assertThat(jdbc.sql("select attachment_name from outgoing_mail where recipient = :to")
                        .param("to", to)
                        .query(String.class)
                        .single())
                .isEqualTo("check-in.ics");
    }

    @Test
    void manyRunsAtOnceSendEachMailOnce() throws Exception {
        List<String> recipients =
                IntStream.range(0, 40).mapToObj(i -> to("person-" + i)).toList();
        recipients.forEach(to -> deliver(to, new Mail(to, "Hello", "Hello " + to)));

        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> run = () -> {
            start.await();
            return sender.sendDue();
        };
        int sent = 0;
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs =
                    IntStream.range(0, 4).mapToObj(i -> threads.submit(run)).toList();
            start.countDown();
            for (Future<Integer> each : runs) {
                sent += each.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(sent).isGreaterThanOrEqualTo(recipients.size());
        for (String to : recipients) {
            assertThat(received(to)).as(to).hasSize(1);
        }
    }

    @Test
    void theScheduledRunWaitsWhileAnotherInstanceHoldsTheLock() {
        String to = to("grace");
        deliver(to, new Mail(to, "Hello", "Hello."));

        SimpleLock held = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> locks.lock(new LockConfiguration(
                                Instant.now(), "mail-sender", Duration.ofMinutes(5), Duration.ZERO)),
                        Optional::isPresent)
                .orElseThrow();
        try {
            sender.onSchedule();
            assertThat(received(to)).isEmpty();
            assertThat(row(to).status()).isEqualTo("PENDING");
        } finally {
            held.unlock();
        }

        // other test contexts' schedulers take the lock for a moment now and then
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            sender.onSchedule();
            assertThat(received(to)).hasSize(1);
        });
    }

    @Test
    void theOutboxShowsWhetherEachMailWentWaitsOrFailed() {
        String sent = to("sent");
        String waiting = to("waiting");
        String failed = to("failed");
        String confidential = to("partner");
        deliver(sent, new Mail(sent, "Sent", "Sent."));
        sender.sendDue();
        deliver(waiting, new Mail(waiting, "Waiting", "Waiting."));
        deliver(failed, new Mail(failed, "Failed", "Failed."));
        deliver(confidential, new Mail(confidential, "Between partners", "Secret.", true));
        jdbc.sql("""
                        update outgoing_mail set attempts = 2, last_error = 'ConnectException: Connection refused',
                               next_attempt_at = :next
                         where recipient = :to""")
                .param("next", Timestamp.from(clock.instant().plus(Duration.ofMinutes(2))))
                .param("to", waiting)
                .update();
        jdbc.sql("""
                        update outgoing_mail set status = 'FAILED', attempts = 20,
                               last_error = 'SMTPAddressFailedException: 550 no such mailbox'
                         where recipient = :to""").param("to", failed).update();

        assertThat(mvc.get()
                        .uri("/admin/outbox")
                        .with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                                admin, null, AuthorityUtils.createAuthorityList("ROLE_MEMBER")))))
                .hasStatusOk()
                .bodyText()
                .contains(sent, waiting, failed)
                .contains("waiting to retry after 2 failed attempts")
                .contains("Last error: ConnectException: Connection refused")
                .contains(">sent</span>")
                .contains("failed after 20 failed attempts")
                .contains("Last error: SMTPAddressFailedException: 550 no such mailbox")
                .doesNotContain(confidential)
                .doesNotContain("Secret.");
    }

    @Test
    void theOutboxShowsThatAnInvitationWentOutToWhomAndWhenButNeverItsLink() throws Exception {
        String grace = to("grace");
        String plain = to("plain");
        invites.invite(admin, new PersonDetails("Grace", grace, null, null, null, null, null));
        deliver(plain, new Mail(plain, "Your check-in on Monday", "See you on Monday."));
        await().atMost(Duration.ofSeconds(20)).until(() -> bodyOf(grace) != null);
        assertThat(bodyOf(grace)).contains("/invitations/");

        String waiting = outboxPage();
        assertThat(waiting)
                .contains(grace)
                .contains("You are invited to")
                .contains("waiting to be sent")
                .contains("It holds a link for its recipient alone, so its text is not shown.")
                .contains("See you on Monday.")
                .doesNotContain("/invitations/")
                .doesNotContain("Set your password")
                .doesNotContain("id=\"live-links\"");

        sender.sendDue();

        assertThat(text(single(grace))).containsPattern("https://kept\\.example\\.org/invitations/[A-Za-z0-9_-]{43}");
        assertThat(row(grace).status()).isEqualTo("SENT");
        assertThat(bodyOf(grace)).isEmpty();
        assertThat(bodyOf(plain)).startsWith("See you on Monday.");
        String sent = outboxPage();
        assertThat(between(sent, grace)).contains(">sent</span>").contains("It holds a link for its recipient alone");
        assertThat(sent).doesNotContain("/invitations/").contains("See you on Monday.");
    }

    @Test
    void keepsNoSecretLinkOfAMailGivenUp() throws Exception {
        String to = to("lost");
        String link = "https://kept.example.org/invitations/" + UUID.randomUUID();
        deliver(to, new Mail(to, "You are invited", "Set your password: " + link).withSecretLink());
        jdbc.sql("update outgoing_mail set attempts = 19 where recipient = :to")
                .param("to", to)
                .update();
        SMTP.stop();

        sender.sendDue();

        assertThat(row(to).status()).isEqualTo("FAILED");
        assertThat(bodyOf(to)).isEmpty();
        assertThat(outboxPage())
                .contains(to)
                .contains("failed after 20 failed attempts")
                .doesNotContain(link);
    }

    private String bodyOf(String to) {
        return jdbc.sql("select body from outgoing_mail where recipient = :to")
                .param("to", to)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private String outboxPage() throws IOException {
        return mvc.get()
                .uri("/admin/outbox")
                .with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                        admin, null, AuthorityUtils.createAuthorityList("ROLE_MEMBER"))))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The outbox card of the mail to this address. */
    private static String between(String page, String recipient) {
        int at = page.indexOf(recipient);
        assertThat(at).as("the outbox lists " + recipient).isNotNegative();
        int start = page.lastIndexOf("<article", at);
        return page.substring(start, page.indexOf("</article>", at));
    }

    private void deliver(String key, Mail mail) {
        delivery.deliver(admin.organizationId(), "test:" + key, mail);
    }

    private String to(String name) {
        return name + "@" + domain;
    }

    private void claimedAgo(String to, Duration ago) {
        jdbc.sql("update outgoing_mail set status = 'SENDING', claimed_at = :at where recipient = :to")
                .param("at", Timestamp.from(clock.instant().minus(ago)))
                .param("to", to)
                .update();
    }

    private record Row(String status, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {}

    private Row row(String to) {
        return jdbc.sql("""
                        select status, attempts, next_attempt_at, last_error, sent_at
                          from outgoing_mail where recipient = :to""")
                .param("to", to)
                .query((rs, n) -> new Row(
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        instant(rs.getTimestamp("next_attempt_at")),
                        rs.getString("last_error"),
                        instant(rs.getTimestamp("sent_at"))))
                .single();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private List<MimeMessage> received(String to) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> sentTo(message, to))
                .toList();
    }

    private MimeMessage single(String to) {
        List<MimeMessage> received = received(to);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static boolean sentTo(MimeMessage message, String to) {
        try {
            return message.getAllRecipients()[0].toString().equals(to);
        } catch (MessagingException e) {
            return false;
        }
    }

    /** The plain text of a mail, decoded, wherever it sits in the MIME tree. */
    private static String text(Part mail) throws MessagingException, IOException {
        return parts(mail).stream()
                .filter(part -> isPlainText(part) && fileName(part) == null)
                .findFirst()
                .map(MailQueueTests::content)
                .orElseThrow();
    }

    private static List<Part> parts(Part part) throws MessagingException, IOException {
        List<Part> parts = new ArrayList<>();
        parts.add(part);
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                parts.addAll(parts(child));
            }
        }
        return parts;
    }

    private static boolean isPlainText(Part part) {
        try {
            return part.isMimeType("text/plain");
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String content(Part part) {
        try {
            return (String) part.getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
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
