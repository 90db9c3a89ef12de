package dev.kept.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's path in a real browser (Debian's Chromium): sign up, invite a colleague, accept
 * the invitation from the e-mail (caught by GreenMail), write a commitment with the clarity check,
 * record progress and close it. Runs with {@code -Pbrowser}; without Chromium it fails, never skips.
 */
class FirstCommitmentBrowserTests extends BrowserTest {

    private static final Path SHOTS = Paths.get("target", "browser");

    @BeforeAll
    static void screenshotsFolder() throws IOException {
        Files.createDirectories(SHOTS);
    }

    @Test
    void newcomerSignsUpInvitesAColleagueWhoMakesProgressAndClosesACommitment() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String colleagueEmail = "bob-" + suffix + "@example.org";

        BrowserContext adminSession = browser.newContext();
        Page admin = adminSession.newPage();
        admin.navigate(BASE + "/");
        admin.fill("#organization", "Acme " + suffix);
        admin.fill("#name", "Ada Admin");
        admin.fill("#email", "ada-" + suffix + "@example.org");
        admin.fill("#password", "password123");
        admin.click("button[type=submit]");
        assertThat(admin.locator("p.error")).containsText("too common");
        admin.fill("#password", "a long and private phrase");
        admin.click("button[type=submit]");
        assertThat(admin.locator("h1")).hasText("Hello, Ada Admin");

        admin.navigate(BASE + "/people");
        admin.fill("#name", "Bob Builder");
        admin.fill("#email", colleagueEmail);
        admin.fill("#title", "Engineer");
        admin.click("button:has-text('Send invitation')");
        assertThat(admin.locator(".notice")).containsText("Invitation sent to Bob Builder");
        admin.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("1-invited.png"))
                .setFullPage(true));

        // the mail server is shared by the browser tests: this one's invitation is the one to Bob
        await().atMost(Duration.ofSeconds(20)).until(() -> invitationTo(colleagueEmail) != null);
        MimeMessage invitation = invitationTo(colleagueEmail);
        assertThat(invitation.getAllRecipients()[0].toString()).isEqualTo(colleagueEmail);
        Matcher link =
                Pattern.compile("(http\\S+/invitations/[A-Za-z0-9_-]+)").matcher(GreenMailUtil.getBody(invitation));
        assertThat(link.find()).as("the e-mail carries the invitation link").isTrue();

        BrowserContext colleagueSession = browser.newContext();
        Page bob = colleagueSession.newPage();
        bob.navigate(link.group(1));
        assertThat(bob.locator("h1")).containsText("Bob Builder");
        bob.fill("#password", "bobs own long phrase");
        bob.fill("#confirmation", "bobs own long phrase");
        bob.click("button[type=submit]");
        assertThat(bob.locator("h1")).hasText("Hello, Bob Builder");

        bob.navigate(BASE + "/commitments/new");
        bob.fill("#what", "try to improve onboarding soon");
        assertThat(bob.locator("#clarity")).containsText("\u201ctry\u201d is vague");
        bob.fill("#what", "Rewrite the onboarding checklist for new engineers");
        bob.fill("#doneWhen", "The checklist is published in the handbook and 3 new hires have used it");
        bob.fill("#due", LocalDate.now().plusDays(5).toString());
        bob.fill("#why", "New engineers should ship in their first week");
        assertThat(bob.locator("#clarity")).containsText("Clarity 100/100");
        bob.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("2-clear-commitment.png"))
                .setFullPage(true));
        bob.click("button:has-text('Make this commitment')");
        assertThat(bob.locator("h1")).hasText("Rewrite the onboarding checklist for new engineers");
        String commitmentUrl = bob.url();

        bob.fill("#percent", "50");
        bob.selectOption("#confidence", "ON_TRACK");
        bob.fill("#note", "Draft reviewed by two teammates");
        bob.click("button:has-text('Record progress')");
        assertThat(bob.locator("#progress .timeline")).containsText("Draft reviewed by two teammates");
        assertThat(bob.locator("#progress")).containsText("50%");

        bob.selectOption("#outcome", "KEPT");
        bob.fill("#reflection", "Pairing with a new hire made the gaps obvious.");
        bob.click("button:has-text('Close the commitment')");
        assertThat(bob.locator(".notice")).containsText("The commitment is closed");
        assertThat(bob.locator("article")).containsText("Pairing with a new hire made the gaps obvious.");
        bob.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("3-closed.png"))
                .setFullPage(true));

        // the admin manages people but never sees a private commitment
        admin.navigate(commitmentUrl);
        assertThat(admin.locator("h1")).hasText("Not found");
        adminSession.close();
        colleagueSession.close();
    }

    private static MimeMessage invitationTo(String address) throws jakarta.mail.MessagingException {
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                return message;
            }
        }
        return null;
    }
}
