package dev.kept.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mails waiting in the outbox. Each mail is claimed with a conditional update before it
 * is sent, and only the instance whose update changed the row sends it: so two instances (or two
 * runs) working at the same moment never send one mail twice, with or without the scheduler lock,
 * which only saves them the work. A failed attempt puts the mail back to wait, longer each time,
 * until it is given up. The one case that sends a mail twice is an instance that stops after the
 * mail server took the mail and before it wrote SENT: after the claim timeout the mail goes again.
 *
 * <p>No method here runs in a transaction: each claim and each outcome commits at once, so other
 * instances see it, and no transaction stays open while the mail server is talked to.
 */
@Component("outboxSender") // "mailSender" is Spring Boot's JavaMailSender
class MailSender {

    private static final Logger log = LoggerFactory.getLogger(MailSender.class);

    private static final int ERROR_LENGTH = 500;

    private final ObjectProvider<JavaMailSender> smtp;
    private final OutgoingMailRepository outbox;
    private final JdbcClient jdbc;
    private final MailProperties mail;
    private final MailQueueProperties queue;
    private final Clock clock;

    // set when the application starts to shut down: the mail being sent is finished and marked, no
    // other is claimed, so a restart in the middle of sending sends nothing twice
    private volatile boolean stopping;

    MailSender(
            ObjectProvider<JavaMailSender> smtp,
            OutgoingMailRepository outbox,
            JdbcClient jdbc,
            MailProperties mail,
            MailQueueProperties queue,
            Clock clock) {
        this.smtp = smtp;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.mail = mail;
        this.queue = queue;
        this.clock = clock;
    }

    // the lock only spares a second instance the queries: the claims alone keep each mail to one send,
    // so a run that outlives the lock does no harm
    @Scheduled(fixedDelayString = "${kept.mail.send-every:PT5S}", initialDelayString = "${kept.mail.send-first:PT5S}")
    @SchedulerLock(name = "mail-sender", lockAtMostFor = "PT5M")
    void onSchedule() {
        sendDue();
    }

    /**
     * Sends every mail that is due now, after taking back the claims of instances that stopped
     * mid-send; answers how many this call sent. Without a mail server it does nothing.
     */
    public int sendDue() {
        JavaMailSender server = smtp.getIfAvailable();
        if (server == null) {
            return 0;
        }
        reclaimAbandoned();
        int sent = 0;
        int waiting = 0;
        String lastError = null;
        List<Due> due;
        do {
            due = due();
            int claimed = 0;
            for (Due next : due) {
                if (stopping) {
                    return sent;
                }
                if (claim(next)) {
                    claimed++;
                    Outcome outcome = send(server, next.id(), next.version() + 1);
                    if (outcome.sent()) {
                        sent++;
                    } else if (outcome.retryAfter() != null) {
                        waiting++;
                        lastError = outcome.retryAfter();
                    }
                }
            }
            // others claimed them all: they work through the rest, or the next run does
            if (claimed == 0) {
                break;
            }
        } while (due.size() == queue.batchSize());
        if (waiting > 0) {
            // one line per run, not per mail: a mail server that is down fails them all
            log.warn(
                    "{} e-mail(s) could not be sent and wait to be tried again; the last error: {}",
                    waiting,
                    lastError);
        }
        return sent;
    }

    @EventListener(ContextClosedEvent.class)
    void stopping() {
        stopping = true;
    }

    /** Whether a claimed mail went out, and if not, the error after which it waits to be tried again. */
    private record Outcome(boolean sent, String retryAfter) {

        static final Outcome SENT = new Outcome(true, null);
        static final Outcome GIVEN_UP = new Outcome(false, null);
    }

    private record Due(UUID id, long version) {}

    private List<Due> due() {
        return jdbc.sql("""
                        select id, version from outgoing_mail
                         where status = 'PENDING' and next_attempt_at <= :now
                         order by next_attempt_at, id
                         limit :limit""")
                .param("now", MailDelivery.timestamp(clock.instant()))
                .param("limit", queue.batchSize())
                .query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getLong("version")))
                .list();
    }

    private boolean claim(Due due) {
        return jdbc.sql("""
                        update outgoing_mail set status = 'SENDING', claimed_at = :now, version = version + 1
                         where id = :id and status = 'PENDING' and version = :version""")
                        .param("now", MailDelivery.timestamp(clock.instant()))
                        .param("id", due.id())
                        .param("version", due.version())
                        .update()
                == 1;
    }

    private void reclaimAbandoned() {
        Instant now = clock.instant();
        int reclaimed = jdbc.sql("""
                        update outgoing_mail
                           set status = 'PENDING', claimed_at = null, next_attempt_at = :now,
                               last_error = 'An instance stopped while sending it', version = version + 1
                         where status = 'SENDING' and claimed_at < :abandonedBefore""")
                .param("now", MailDelivery.timestamp(now))
                .param("abandonedBefore", MailDelivery.timestamp(now.minus(queue.claimTimeout())))
                .update();
        if (reclaimed > 0) {
            log.warn(
                    "{} e-mail(s) claimed more than {} ago were not finished: sending them again",
                    reclaimed,
                    queue.claimTimeout());
        }
    }

    /** Sends one claimed mail and records the outcome. */
    private Outcome send(JavaMailSender server, UUID id, long claimedVersion) {
        OutgoingMail claimed = outbox.findById(id).orElseThrow();
        MimeMessage message;
        try {
            message = compose(server, claimed);
        } catch (MessagingException | RuntimeException e) {
            // the same mail would fail the same way every time: no point in trying again
            String error = summary(e);
            finish(id, claimedVersion, "FAILED", claimed.getAttempts() + 1, null, error);
            log.error("E-mail {} ({}) could not be composed and is given up: {}", id, claimed.getDedupKey(), error);
            return Outcome.GIVEN_UP;
        }
        try {
            server.send(message);
        } catch (RuntimeException e) { // a MailException, or anything else the mail server's answer caused
            return failed(claimed, claimedVersion, summary(e));
        }
        // a secret link is the recipient's alone: once it is on its way, the outbox keeps no copy
        int marked = jdbc.sql("""
                        update outgoing_mail
                           set status = 'SENT', sent_at = :now, claimed_at = null, version = version + 1,
                               body = case when secret_link then '' else body end
                         where id = :id and version = :version""")
                .param("now", MailDelivery.timestamp(clock.instant()))
                .param("id", id)
                .param("version", claimedVersion)
                .update();
        if (marked == 0) {
            log.warn("E-mail {} was sent after its claim had timed out: it may go out twice", id);
        }
        return Outcome.SENT;
    }

    private Outcome failed(OutgoingMail claimed, long claimedVersion, String error) {
        int attempts = claimed.getAttempts() + 1;
        if (attempts >= queue.maxAttempts()) {
            finish(claimed.getId(), claimedVersion, "FAILED", attempts, null, error);
            log.error(
                    "E-mail {} ({}) to {} is given up after {} failed attempts: {}",
                    claimed.getId(),
                    claimed.getDedupKey(),
                    claimed.getRecipient(),
                    attempts,
                    error);
            return Outcome.GIVEN_UP;
        }
        Instant next = clock.instant().plus(queue.backoff().after(attempts));
        finish(claimed.getId(), claimedVersion, "PENDING", attempts, next, error);
        log.debug(
                "E-mail {} could not be sent (attempt {}), trying again at {}: {}",
                claimed.getId(),
                attempts,
                next,
                error);
        return new Outcome(false, error);
    }

    private void finish(UUID id, long claimedVersion, String status, int attempts, Instant next, String error) {
        // a mail given up is never sent: a secret link in it is of use to nobody but a reader of the outbox
        jdbc.sql("""
                        update outgoing_mail
                           set status = :status, attempts = :attempts, next_attempt_at = :next, last_error = :error,
                               claimed_at = null, version = version + 1,
                               body = case when secret_link and :givenUp then '' else body end
                         where id = :id and version = :version""")
                .param("status", status)
                .param("givenUp", "FAILED".equals(status))
                .param("attempts", attempts)
                .param("next", next == null ? null : MailDelivery.timestamp(next), Types.TIMESTAMP)
                .param("error", error)
                .param("id", id)
                .param("version", claimedVersion)
                .update();
    }

    private MimeMessage compose(JavaMailSender server, OutgoingMail outgoing) throws MessagingException {
        Mail.Attachment attachment = outgoing.attachmentOrNull();
        MimeMessage message = server.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, attachment != null, "UTF-8");
        helper.setFrom(new InternetAddress(mail.mailFrom()));
        helper.setTo(outgoing.getRecipient());
        helper.setSubject(outgoing.getSubject());
        helper.setText(outgoing.getBody(), false);
        if (attachment != null) {
            helper.addAttachment(
                    attachment.filename(),
                    new ByteArrayDataSource(
                            attachment.content().getBytes(StandardCharsets.UTF_8), attachment.contentType()));
        }
        return message;
    }

    /** What went wrong in one line, short enough for the outbox: no stack trace. */
    static String summary(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = describe(failure);
        if (root != failure) {
            text = describe(root) + " (" + text + ")";
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 1) + "…";
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null
                ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
