package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final LoginThrottle throttle =
            new LoginThrottle(new LoginProperties(5, Duration.ofMinutes(5), Duration.ofMinutes(15)), clock);

    @Test
    void letsTheFirstFailuresThroughWithoutWaiting() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ada@acme.test");
        }
        assertThat(throttle.waitBeforeNextAttempt("ada@acme.test")).isZero();
    }

    @Test
    void doublesTheWaitAfterEachFurtherFailure() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("ada@acme.test");
        }
        assertThat(throttle.waitBeforeNextAttempt("ada@acme.test")).isEqualTo(Duration.ofSeconds(1));
        throttle.failed("ada@acme.test");
        assertThat(throttle.waitBeforeNextAttempt("ada@acme.test")).isEqualTo(Duration.ofSeconds(2));
        throttle.failed("ada@acme.test");
        assertThat(throttle.waitBeforeNextAttempt("ada@acme.test")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void neverMakesTheRealUserWaitLongerThanTheMaximum() {
        for (int i = 0; i < 60; i++) {
            throttle.failed("ada@acme.test");
        }
        assertThat(throttle.waitBeforeNextAttempt("ada@acme.test")).isEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.waitBeforeNextAttempt("ada@acme.test")).isZero();
    }

    @Test
    void treatsAddressesCaseInsensitivelyAndEachAccountApart() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("Ada@Acme.test ");
        }
        assertThat(throttle.waitBeforeNextAttempt("ada@acme.test")).isPositive();
        assertThat(throttle.waitBeforeNextAttempt("grace@acme.test")).isZero();
    }

    @Test
    void forgetsFailuresAfterASuccessOrAfterTheWindow() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("ada@acme.test");
        }
        throttle.succeeded("ada@acme.test");
        assertThat(throttle.waitBeforeNextAttempt("ada@acme.test")).isZero();

        for (int i = 0; i < 5; i++) {
            throttle.failed("grace@acme.test");
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("grace@acme.test");
        assertThat(throttle.waitBeforeNextAttempt("grace@acme.test")).isZero();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
