package dev.kept.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.kept.web.BrowserFixture.notice;
import static dev.kept.web.BrowserFixture.reloadUntilVisible;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A matching program through the pages, in three browser contexts of Debian's Chromium: the admin
 * sets up a program, Alice and Bob opt in with what they are strong in and want to grow in, the
 * admin runs the matching and sees the pair with its reasons, each of the two opens the match from
 * their inbox and accepts it, and the partnership appears on their partners page. Runs with
 * {@code -Pbrowser}; without Chromium it fails, never skips.
 */
class MatchingBrowserTests extends BrowserTest {

    @Test
    void adminRunsAProgramMembersOptInAndBothAcceptTheirMatch() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String aliceEmail = "alice-" + suffix + "@example.org";
        String bobEmail = "bob-" + suffix + "@example.org";
        String programName = "Spring partners " + suffix;

        BrowserContext adminSession = browser.newContext();
        Page admin = browser.signUp(adminSession, "Acme " + suffix, "Ada Admin", "ada-" + suffix + "@example.org");
        browser.invite(admin, "Alice Able", aliceEmail, null, "EMEA", "3");
        browser.invite(admin, "Bob Builder", bobEmail, null, "APAC", "4");
        Page alice = browser.join(browser.newContext(), aliceEmail, "Alice Able", "alices own long phrase");
        Page bob = browser.join(browser.newContext(), bobEmail, "Bob Builder", "bobs own long phrase");

        // the admin sets up the program
        admin.click("nav >> text=Matching");
        assertThat(admin.locator("h1")).hasText("Matching");
        admin.fill("#name", programName);
        admin.click("button:has-text('Create the program')");
        assertThat(notice(admin)).hasText("The program is open: members can opt in now.");
        assertThat(admin.locator("h1")).hasText(programName);
        String programUrl = admin.url();

        // Alice and Bob opt in, each strong in what the other wants to grow in
        optIn(alice, programName, "kotlin, testing", "negotiation");
        optIn(bob, programName, "negotiation", "kotlin");

        // the admin runs the matching and sees the pair with its reasons
        admin.navigate(programUrl);
        assertThat(admin.locator(".participants")).hasText("2 people are in");
        admin.click("button:has-text('Match now')");
        assertThat(notice(admin)).hasText("Matched. Everyone in a match is asked to accept it.");
        assertThat(admin.locator("li.pair strong"))
                .hasText(java.util.regex.Pattern.compile("Alice Able and Bob Builder|Bob Builder and Alice Able"));
        assertThat(admin.locator("li.pair .reasons"))
                .containsText("Alice Able's strength in kotlin meets Bob Builder's wish to grow in it");
        assertThat(admin.locator("li.pair .reasons"))
                .containsText("Bob Builder's strength in negotiation meets Alice Able's wish to grow in it");

        // each opens the match from the inbox and accepts
        accept(alice, "Bob Builder");
        assertThat(alice.locator("main")).containsText("You accepted. Waiting for the others.");
        accept(bob, "Alice Able");
        assertThat(bob.locator("article.proposal")).containsText("Everyone accepted");

        // the partnership appears for both
        bob.click("nav >> text=Partners");
        assertThat(bob.locator("#partnership-list li:has-text('Alice Able') .badge"))
                .hasText("Active");
        alice.click("nav >> text=Partners");
        assertThat(alice.locator("#partnership-list li:has-text('Bob Builder') .badge"))
                .hasText("Active");
        admin.reload();
        assertThat(admin.locator("li.pair .badge")).hasText("Accepted");

        assertThat(browser.complaintsBesidesNotFoundAt()).isEmpty();
    }

    private static void optIn(Page member, String programName, String strengths, String growth) {
        member.click("nav >> text=Matching");
        member.click("a:has-text('" + programName + "')");
        assertThat(member.locator("h2").first()).hasText("Opt in");
        member.fill("#strengths", strengths);
        member.fill("#growthAreas", growth);
        member.click("button:has-text('Opt in')");
        assertThat(notice(member)).hasText("You are in. You will be told when you have a match.");
        assertThat(member.locator("h2").first()).hasText("Your profile");
    }

    private static void accept(Page member, String other) {
        reloadUntilVisible(member, member.locator("nav .count"));
        member.click("nav >> text=Inbox");
        member.click("ul.inbox a:has-text('You have a match to accept or decline')");
        assertThat(member.locator("h1 .with")).hasText(other);
        member.click("button:has-text('Accept')");
        assertThat(notice(member)).hasText("You accepted.");
    }
}
