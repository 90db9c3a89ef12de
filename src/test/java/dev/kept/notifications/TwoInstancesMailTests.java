package dev.kept.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.TwoInstances;
import dev.kept.people.Accounts;
import dev.kept.people.SignUp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Kept instances on one database and one mail server, both delivering the same mails and both
 * sending at the same moment from several threads, with no scheduler lock to keep them apart:
 * every mail arrives exactly once, also when the mail server was down for the first attempts.
 */
class TwoInstancesMailTests {

    private static final int MAILS = 400;
    private static final int THREADS_PER_INSTANCE = 3;

    private static TwoInstances instances;

    private final List<AtomicInteger> sentBy = List.of(new AtomicInteger(), new AtomicInteger());
    private UUID organizationId;
    private String domain;

    @BeforeAll
    static void startTwoInstances() {
        instances = TwoInstances.start();
    }

    @AfterAll
    static void stopThem() {
        if (instances != null) {
            instances.close();
        }
    }

    @BeforeEach
    void organization() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        domain = "two-" + suffix + ".example.org";
        organizationId = instances
                .bean(0, Accounts.class)
                .signUp(new SignUp("Acme " + suffix, "Ada", "ada@" + domain, "analytical engine 1843", null))
                .admin()
                .getOrganizationId();
        instances.clock().freeze();
        instances.mail().purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void serverUpAndClockBack() {
        if (!instances.mail().isRunning()) {
            instances.mail().start();
        }
        instances.clock().reset();
    }

    @Test
    void bothInstancesSendingAtOnceSendEachMailOnce() throws Exception {
        enqueueFromBoth();
        assertThat(count("PENDING")).isEqualTo(MAILS);

        int sent = sendFromBothUntilNothingIsDue();

        assertThat(sent).isEqualTo(MAILS);
        assertEachMailReceivedOnce();
        assertThat(count("SENT")).isEqualTo(MAILS);
        assertThat(sentBy)
                .as("mails sent by each instance")
                .allSatisfy(count -> assertThat(count.get()).isPositive());
    }

    @Test
    void aMailServerThatWasDownGetsEachMailOnceWhenItIsBack() throws Exception {
        instances.mail().stop();
        enqueueFromBoth();

        for (int round = 1; round <= 2; round++) {
            assertThat(sendFromBothUntilNothingIsDue()).isZero();
            assertThat(count("PENDING")).isEqualTo(MAILS);
            assertThat(attempts()).containsOnlyKeys(round).containsEntry(round, (long) MAILS);
            // a second run at the same moment finds nothing due: each waits before its next attempt
            assertThat(sendFromBothUntilNothingIsDue()).isZero();
            assertThat(attempts()).containsOnlyKeys(round);
            instances.clock().advance(Duration.ofSeconds(30L << (round - 1)));
        }

        instances.mail().start();
        int sent = sendFromBothUntilNothingIsDue();

        assertThat(sent).isEqualTo(MAILS);
        assertEachMailReceivedOnce();
        assertThat(count("SENT")).isEqualTo(MAILS);
        assertThat(attempts()).containsOnlyKeys(2);
    }

    /** Each mail delivered by both instances at once, as a redelivered event would be. */
    private void enqueueFromBoth() throws Exception {
        List<MailDelivery> deliveries = instances.beans(MailDelivery.class);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            String to = recipient(i);
            String key = "two:" + to;
            for (MailDelivery delivery : deliveries) {
                calls.add(() -> {
                    delivery.deliver(organizationId, key, new Mail(to, "Reminder " + to, "Your check-in is soon."));
                    return 0;
                });
            }
        }
        inParallel(calls, 2 * THREADS_PER_INSTANCE);
    }

    /**
     * Runs the sender of both instances from several threads each, all starting together, until no
     * mail is due or being sent; answers how many mails they sent together.
     */
    private int sendFromBothUntilNothingIsDue() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        do {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int instance = 0; instance < 2; instance++) {
                MailSender sender = instances.bean(instance, MailSender.class);
                AtomicInteger byThisOne = sentBy.get(instance);
                for (int thread = 0; thread < THREADS_PER_INSTANCE; thread++) {
                    runs.add(() -> {
                        start.await();
                        int sentNow = sender.sendDue();
                        byThisOne.addAndGet(sentNow);
                        return sentNow;
                    });
                }
            }
            start.countDown();
            sent.addAndGet(inParallel(runs, runs.size()));
        } while (due() > 0 || count("SENDING") > 0);
        return sent.get();
    }

    private static int inParallel(List<Callable<Integer>> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int total = 0;
            for (Future<Integer> result : pool.invokeAll(calls)) {
                total += result.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertEachMailReceivedOnce() {
        MimeMessage[] received = instances.mail().getReceivedMessages();
        assertThat(received).hasSize(MAILS);
        Map<String, Long> perRecipient =
                Arrays.stream(received).collect(Collectors.groupingBy(this::recipientOf, Collectors.counting()));
        assertThat(perRecipient)
                .hasSize(MAILS)
                .containsOnlyKeys(
                        IntStream.range(0, MAILS).mapToObj(this::recipient).toList())
                .allSatisfy(
                        (recipient, count) -> assertThat(count).as(recipient).isEqualTo(1));
    }

    private String recipientOf(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String recipient(int i) {
        return "person-" + i + "@" + domain;
    }

    private long count(String status) {
        return jdbc().sql(
                        "select count(*) from outgoing_mail where organization_id = :organization and status = :status")
                .param("organization", organizationId)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    private long due() {
        return jdbc().sql("""
                        select count(*) from outgoing_mail
                         where organization_id = :organization and status = 'PENDING' and next_attempt_at <= :now""")
                .param("organization", organizationId)
                .param("now", Timestamp.from(instances.clock().instant()))
                .query(Long.class)
                .single();
    }

    /** How many of this test's mails have had how many attempts. */
    private Map<Integer, Long> attempts() {
        return jdbc()
                .sql("select attempts from outgoing_mail where organization_id = :organization")
                .param("organization", organizationId)
                .query(Integer.class)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static JdbcClient jdbc() {
        return instances.bean(1, JdbcClient.class);
    }
}
