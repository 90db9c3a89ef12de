package dev.kept.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.kept.MutableClock;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every browser test stands on, once: the application on a port of its own, shared by all
 * browser test classes (one application context for them all), a mail server that catches what it
 * sends, a clock the test can move (back on the system clock after each test), and Debian's
 * Chromium through {@link BrowserFixture}, started for each class. Runs with {@code -Pbrowser};
 * without Chromium it fails, never skips.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(BrowserTest.MovableTime.class)
abstract class BrowserTest {

    static final int APP_PORT = BrowserFixture.freePort();
    static final String BASE = "http://localhost:" + APP_PORT;
    private static final int MAIL_PORT = BrowserFixture.freePort();

    @RegisterExtension
    static final GreenMailExtension MAIL =
            new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp")).withPerMethodLifecycle(false);

    static BrowserFixture browser;

    @Autowired
    MutableClock clock;

    /** The application's clock, which a test may freeze and move. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovableTime {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> APP_PORT);
        registry.add("kept.base-url", () -> BASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL_PORT);
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = BrowserFixture.start(BASE, MAIL);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @AfterEach
    void backToTheSystemClock() {
        clock.reset();
    }
}
