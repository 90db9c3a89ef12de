package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kept.ApiFixtures;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The slow-down of failed sign-ins for one e-mail, as the database keeps it. */
@KeptApiTest
class LoginThrottleTests {

    @Autowired
    LoginThrottle throttle;

    @Autowired
    RateLimitCleanup cleanup;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private final String ada = ApiFixtures.uniqueEmail("ada");
    private final String grace = ApiFixtures.uniqueEmail("grace");

    @BeforeEach
    void freeze() {
        clock.freezeAt(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void letsTheFirstFailuresThroughWithoutWaiting() {
        fail(ada, 4);

        assertThat(throttle.waitBeforeNextAttempt(ada)).isZero();
    }

    @Test
    void doublesTheWaitAfterEachFurtherFailure() {
        fail(ada, 5);
        assertThat(throttle.waitBeforeNextAttempt(ada)).isEqualTo(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        fail(ada, 1);
        assertThat(throttle.waitBeforeNextAttempt(ada)).isEqualTo(Duration.ofSeconds(2));

        clock.advance(Duration.ofSeconds(2));
        fail(ada, 1);
        assertThat(throttle.waitBeforeNextAttempt(ada)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void refusesAnAttemptWhileTheAccountWaitsWithoutCountingIt() {
        fail(ada, 5);

        assertThatThrownBy(() -> throttle.attempt(ada))
                .isInstanceOfSatisfying(
                        TooManyAttemptsException.class,
                        refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.attempt(ada);
        assertThat(throttle.waitBeforeNextAttempt(ada)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void neverMakesTheRealUserWaitLongerThanTheMaximum() {
        for (int i = 0; i < 60; i++) {
            clock.advance(throttle.waitBeforeNextAttempt(ada));
            throttle.attempt(ada);
        }

        assertThat(throttle.waitBeforeNextAttempt(ada)).isEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.waitBeforeNextAttempt(ada)).isZero();
    }

    @Test
    void treatsAddressesCaseInsensitivelyAndEachAccountApart() {
        fail(ada.toUpperCase() + " ", 5);

        assertThat(throttle.waitBeforeNextAttempt(ada)).isPositive();
        assertThat(throttle.waitBeforeNextAttempt(grace)).isZero();
    }

    @Test
    void forgetsFailuresAfterASuccessOrAfterTheWindow() {
        fail(ada, 5);
        throttle.succeeded(ada);
        assertThat(throttle.waitBeforeNextAttempt(ada)).isZero();

        fail(grace, 5);
        clock.advance(Duration.ofMinutes(16));
        fail(grace, 1);
        assertThat(throttle.waitBeforeNextAttempt(grace)).isZero();
    }

    @Test
    void keepsNeitherTheEmailNorItsFailuresLongerThanTheyCount() {
        fail(ada, 3);

        assertThat(jdbc.sql("select count(*) from rate_limit where bucket like :e")
                        .param("e", "%" + ada + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(bucketsOf(ada)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(15));
        cleanup.deleteExpired();
        assertThat(bucketsOf(ada)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        cleanup.deleteExpired();
        assertThat(bucketsOf(ada)).isZero();
    }

    private void fail(String email, int times) {
        for (int i = 0; i < times; i++) {
            throttle.attempt(email);
        }
    }

    private long bucketsOf(String email) {
        return jdbc.sql("select count(*) from rate_limit where bucket = :bucket")
                .param("bucket", "email:" + dev.kept.shared.SecretTokens.hash(email.toLowerCase()))
                .query(Long.class)
                .single();
    }
}
