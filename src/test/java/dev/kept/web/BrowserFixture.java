package dev.kept.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the browser tests share: Debian's Chromium driven by Playwright (it fails, never skips, when
 * Chromium is missing), pages that report policy violations, console errors and script errors, and
 * the ways people get in: signing up, and following the invitation e-mailed to them (caught by
 * GreenMail). One per test class: start it before all tests, close it after.
 */
final class BrowserFixture implements AutoCloseable {

    static final Path SHOTS = Paths.get("target", "screenshots");
    static final Duration ASYNC = Duration.ofSeconds(30);

    private static final Pattern INVITATION_LINK = Pattern.compile("(http\\S+/invitations/[A-Za-z0-9_-]+)");

    private final Playwright playwright;
    private final Browser browser;
    private final String base;
    private final GreenMailExtension mail;

    /** What Chromium reported against the pages: policy violations, console errors, script errors. */
    private final List<String> complaints = Collections.synchronizedList(new ArrayList<>());

    private BrowserFixture(Playwright playwright, Browser browser, String base, GreenMailExtension mail) {
        this.playwright = playwright;
        this.browser = browser;
        this.base = base;
        this.mail = mail;
    }

    static BrowserFixture start(String base, GreenMailExtension mail) throws IOException {
        Path chromium = Paths.get(System.getenv().getOrDefault("KEPT_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("Chromium is needed for the browser tests and was not found at " + chromium
                    + ": install it (apt-get install -y chromium) or set KEPT_CHROMIUM");
        }
        Files.createDirectories(SHOTS);
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        return new BrowserFixture(playwright, browser, base, mail);
    }

    /** A session of its own: one person's cookies. */
    BrowserContext newContext() {
        return browser.newContext();
    }

    /** A page whose policy violations, console errors and script errors are kept as complaints. */
    Page page(BrowserContext context) {
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") || message.text().contains("Content Security Policy")) {
                complaints.add(message.location() + ": " + message.text());
            }
        });
        page.onPageError(error -> complaints.add(page.url() + ": " + error));
        return page;
    }

    /**
     * The complaints, leaving out the 404 that answers each deliberate visit to one of these
     * addresses (Chromium logs it as a console error).
     */
    List<String> complaintsBesidesNotFoundAt(String... urls) {
        synchronized (complaints) {
            return complaints.stream()
                    .filter(complaint -> !expectedNotFound(complaint, urls))
                    .toList();
        }
    }

    private static boolean expectedNotFound(String complaint, String... urls) {
        return Arrays.stream(urls)
                .anyMatch(url -> complaint.startsWith(url + ":")
                        && complaint.contains("Failed to load resource: the server responded with a status of 404"));
    }

    /** Signs up a new organization; its admin is signed in on the page answered. */
    Page signUp(BrowserContext context, String organization, String name, String email) {
        Page admin = page(context);
        admin.navigate(base + "/signup");
        admin.fill("#organization", organization);
        admin.fill("#name", name);
        admin.fill("#email", email);
        admin.fill("#password", "a long and private phrase");
        admin.click("button[type=submit]");
        assertThat(admin.locator("h1")).hasText("Hello, " + name);
        return admin;
    }

    /** The admin invites a member, with optional extras: a team (by name), a region, a level. */
    void invite(Page admin, String name, String email, String team, String region, String level) {
        admin.navigate(base + "/people");
        admin.fill("#name", name);
        admin.fill("#email", email);
        if (team != null) {
            admin.fill("#teamName", team);
        }
        if (region != null) {
            admin.fill("#region", region);
        }
        if (level != null) {
            admin.fill("#level", level);
        }
        admin.click("button:has-text('Send invitation')");
        assertThat(notice(admin)).containsText("Invitation sent to " + name);
    }

    /** Follows the e-mailed invitation link and sets a password. */
    Page join(BrowserContext context, String email, String name, String password) {
        Page page = page(context);
        page.navigate(invitationLink(email));
        assertThat(page.locator("h1")).containsText(name);
        page.fill("#password", password);
        page.fill("#confirmation", password);
        page.click("button[type=submit]");
        assertThat(page.locator("h1")).hasText("Hello, " + name);
        return page;
    }

    String invitationLink(String email) {
        return await().atMost(ASYNC)
                .until(
                        () -> Arrays.stream(mail.getReceivedMessages())
                                .filter(message -> sentTo(message, email))
                                .map(message -> INVITATION_LINK.matcher(GreenMailUtil.getBody(message)))
                                .filter(Matcher::find)
                                .map(link -> link.group(1))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static boolean sentTo(MimeMessage message, String email) {
        try {
            return message.getAllRecipients()[0].toString().equalsIgnoreCase(email);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Notifications arrive after the change is committed: reload until one shows. */
    static void reloadUntilVisible(Page page, Locator locator) {
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(250)).until(() -> {
            page.reload();
            return locator.count() > 0;
        });
    }

    static Locator notice(Page page) {
        return page.locator("main > p.notice");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
