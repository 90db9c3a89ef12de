package dev.kept.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@link MailSender} works through the queue of outgoing e-mail. How often it runs is set by
 * {@code kept.mail.send-every} and {@code kept.mail.send-first}.
 *
 * @param backoff how long a mail waits after a failed attempt
 * @param maxAttempts failed attempts after which a mail is given up (FAILED)
 * @param claimTimeout how long a mail may stay claimed (SENDING) before it is taken for abandoned by
 *     an instance that stopped while sending it, and is sent again
 * @param batchSize how many due mails the sender reads at a time
 */
@ConfigurationProperties("kept.mail")
record MailQueueProperties(
        @DefaultValue Backoff backoff,
        @DefaultValue("20") int maxAttempts,
        @DefaultValue("PT10M") Duration claimTimeout,
        @DefaultValue("50") int batchSize) {

    MailQueueProperties {
        if (maxAttempts < 1 || batchSize < 1 || claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "kept.mail.max-attempts and batch-size must be at least 1, claim-timeout positive");
        }
    }

    /**
     * After the n-th failed attempt a mail waits {@code base × 2^(n-1)}, at most {@code max}.
     *
     * @param base the wait after the first failure
     * @param max the longest wait
     */
    record Backoff(
            @DefaultValue("PT30S") Duration base,
            @DefaultValue("PT1H") Duration max) {

        Backoff {
            // a wait of zero would have one run of the sender retry a failing mail without end
            if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
                throw new IllegalArgumentException("kept.mail.backoff.base must be positive and at most max");
            }
        }

        Duration after(int failedAttempts) {
            Duration wait = base;
            for (int n = 1; n < failedAttempts && wait.compareTo(max) < 0; n++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(max) > 0 ? max : wait;
        }
    }
}
