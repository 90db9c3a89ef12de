package dev.kept.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.kept.web.BrowserFixture.notice;
import static dev.kept.web.BrowserFixture.reloadUntilVisible;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two partners in two browser contexts of Debian's Chromium, everything through the pages: an admin
 * signs up and invites Alice and Bob (the links come by e-mail, caught by GreenMail); Alice picks
 * Bob as a partner with the fit hint (htmx), Bob accepts from his inbox, Alice shares a commitment
 * with that partnership, Bob challenges her on it and Alice answers. The admin, in a third context,
 * never sees the commitment. Runs with {@code -Pbrowser}; without Chromium it fails, never skips.
 */
class PartnersBrowserTests extends BrowserTest {

    @Test
    void partnersInviteAcceptShareChallengeAndAnswerWhileTheAdminSeesNothing() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String aliceEmail = "alice-" + suffix + "@example.org";
        String bobEmail = "bob-" + suffix + "@example.org";
        String challengeMeOn = "Saying yes to every request that comes my way";
        String bobsChallengeMeOn = "Letting code reviews pile up";
        String what = "Hand over the release checklist to the platform team";
        String challenge = "You said yes to two new requests this week: which one will you drop?";
        String answer = "The dashboard request: I told its owner on Monday.";

        // the admin signs up and invites Alice (EMEA) and Bob (APAC)
        BrowserContext adminSession = browser.newContext();
        Page admin = browser.signUp(adminSession, "Acme " + suffix, "Ada Admin", "ada-" + suffix + "@example.org");
        browser.invite(admin, "Alice Able", aliceEmail, null, "EMEA", "3");
        browser.invite(admin, "Bob Builder", bobEmail, null, "APAC", "4");

        BrowserContext aliceSession = browser.newContext();
        Page alice = browser.join(aliceSession, aliceEmail, "Alice Able", "alices own long phrase");
        BrowserContext bobSession = browser.newContext();
        Page bob = browser.join(bobSession, bobEmail, "Bob Builder", "bobs own long phrase");

        // Alice picks Bob, sees the fit hint appear, writes what to challenge her on and invites him
        alice.click("nav >> text=Partners");
        assertThat(alice.locator("h1")).hasText("Accountability partners");
        assertThat(alice.locator("#fit")).isEmpty();
        assertThat(alice.locator("#partnerId option")).containsText(new String[] {"Choose…", "Bob Builder"});
        alice.selectOption("#partnerId", new SelectOption().setLabel("Bob Builder"));
        assertThat(alice.locator("#fit .good")).hasText("Good signs: works in another region, close in level");
        assertThat(alice.locator("#fit .consider")).hasCount(0);
        alice.fill("#challengeMeOn", challengeMeOn);
        alice.fill("#message", "Shall we hold each other to our plans?");
        alice.click("button:has-text('Send the invitation')");
        assertThat(notice(alice)).hasText("Your invitation is on its way to Bob Builder. They see it in their inbox.");
        assertThat(alice.locator("h1")).hasText("Bob Builder");
        assertThat(alice.locator(".badge").first()).hasText("Invited");
        assertThat(alice.locator(".agreement")).containsText("Challenge me on: " + challengeMeOn);
        String partnershipUrl = alice.url();

        // Bob sees the unread count, opens his inbox, follows the link and accepts
        reloadUntilVisible(bob, bob.locator("nav .count"));
        assertThat(bob.locator("nav .count")).hasText("1");
        bob.click("nav >> text=Inbox");
        assertThat(bob.locator("h1")).hasText("Inbox");
        Locator invitation = bob.locator("ul.inbox li.unread a");
        assertThat(invitation).hasText("Alice Able invites you to be their peer accountability partner.");
        invitation.click();
        assertThat(bob).hasURL(partnershipUrl);
        assertThat(bob.locator("h1")).hasText("Alice Able");
        assertThat(bob.locator("article")).containsText("Alice Able wrote: Shall we hold each other to our plans?");
        assertThat(bob.locator(".agreement")).containsText("Alice Able asks to be challenged on: " + challengeMeOn);
        assertThat(bob.locator(".agreement")).containsText("What we share here stays between the two of us.");
        bob.fill("#challengeMeOn", bobsChallengeMeOn);
        bob.click("button:has-text('Accept the agreement')");
        assertThat(notice(bob)).hasText("You are partners now.");
        assertThat(bob.locator(".badge").first()).hasText("Active");
        assertThat(bob.locator("section:has-text('Accept or decline')")).hasCount(0);
        bob.click("nav >> text=Inbox");
        bob.click("button:has-text('Mark all read')");
        assertThat(bob.locator("nav .count")).hasCount(0);
        assertThat(bob.locator("ul.inbox li.read")).hasCount(1);

        // Alice sees the acceptance and Bob's terms
        reloadUntilVisible(alice, alice.locator("nav .count"));
        alice.navigate(partnershipUrl);
        assertThat(alice.locator(".badge").first()).hasText("Active");
        assertThat(alice.locator(".agreement"))
                .containsText("Bob Builder asks to be challenged on: " + bobsChallengeMeOn);

        // Alice shares a commitment with this partnership
        alice.click("nav >> text=New commitment");
        alice.fill("#what", what);
        alice.fill("#doneWhen", "The platform team ran the last release with the checklist and without me");
        alice.fill("#due", LocalDate.now().plusDays(10).toString());
        alice.fill("#why", "The release should not depend on one person");
        alice.selectOption("#visibility", "PARTNERS");
        Locator share = alice.locator("fieldset.share label:has-text('Bob Builder') input[type=checkbox]");
        assertThat(share).not().isChecked();
        share.check();
        alice.click("button:has-text('Make this commitment')");
        assertThat(alice.locator("h1")).hasText(what);
        assertThat(alice.locator("article .badge").first()).hasText("My accountability partners");
        assertThat(alice.locator("#challenges")).hasCount(0);
        String commitmentUrl = alice.url();

        // Bob finds it among what Alice shares with him, sees what to challenge her on, and does
        bob.click("nav >> text=Partners");
        bob.click("#partnership-list >> text=Alice Able");
        bob.click("text=What Alice Able shares with you");
        assertThat(bob.locator("h1")).hasText("Commitments I can see");
        assertThat(bob.locator("tbody tr")).hasCount(1);
        bob.click("tbody >> text=" + what);
        assertThat(bob).hasURL(commitmentUrl);
        assertThat(bob.locator("h1")).hasText(what);
        assertThat(bob.locator(".challenge-me")).hasText("Alice Able asks to be challenged on: " + challengeMeOn);
        assertThat(bob.locator("text=Edit the terms")).hasCount(0);
        assertThat(bob.locator("text=Record progress")).hasCount(0);
        bob.selectOption("#kind", "PUSH");
        bob.fill("#message", challenge);
        bob.click("button:has-text('Post the challenge')");
        assertThat(notice(bob)).hasText("Your challenge is posted. Only you and the owner see it.");
        Locator bobsThread = bob.locator("#challenges article.card").first();
        assertThat(bobsThread).containsText("Push");
        assertThat(bobsThread).containsText(challenge);
        assertThat(bobsThread.locator("textarea")).hasCount(0);

        // Alice is told, answers, and marks the challenge helpful
        reloadUntilVisible(alice, alice.locator("nav .count:text('2')"));
        alice.click("nav >> text=Inbox");
        Locator challenged =
                alice.locator("ul.inbox a:has-text('Bob Builder challenged you on one of your commitments.')");
        assertThat(challenged).hasCount(1);
        assertThat(alice.locator("ul.inbox")).not().containsText(challenge);
        challenged.click();
        assertThat(alice.locator("h1")).hasText(what);
        Locator alicesThread = alice.locator("#challenges article.card");
        assertThat(alicesThread).hasCount(1);
        assertThat(alicesThread).containsText(challenge);
        alicesThread.locator("textarea[name=message]").fill(answer);
        alicesThread.locator("input[name=helpful]").check();
        alicesThread.locator("button:has-text('Answer')").click();
        assertThat(notice(alice)).hasText("Your answer is posted.");
        assertThat(alice.locator("#challenges article.card .timeline")).containsText("Alice Able");
        assertThat(alice.locator("#challenges article.card .timeline")).containsText(answer);
        assertThat(alice.locator("#challenges article.card .badge.ON_TRACK")).hasText("Helpful");

        // Bob sees the answer, and is told of it
        reloadUntilVisible(bob, bob.locator("nav .count"));
        bob.navigate(commitmentUrl);
        assertThat(bobsThread.locator(".timeline")).containsText(answer);
        assertThat(bobsThread.locator(".badge.ON_TRACK")).hasText("Helpful");
        bob.screenshot(new Page.ScreenshotOptions()
                .setPath(BrowserFixture.SHOTS.resolve("partners-thread.png"))
                .setFullPage(true));
        bob.click("nav >> text=Inbox");
        assertThat(bob.locator("ul.inbox li.unread a")).hasText("Alice Able answered your challenge.");

        // the admin, who manages both of them, gets nothing of it
        admin.navigate(commitmentUrl);
        assertThat(admin.locator("h1")).hasText("Not found");
        admin.navigate(partnershipUrl);
        assertThat(admin.locator("h1")).hasText("Not found");
        admin.navigate(BASE + "/commitments?scope=visible&status=ALL");
        assertThat(admin.locator("main")).not().containsText(what);

        assertThat(browser.complaintsBesidesNotFoundAt(commitmentUrl, partnershipUrl))
                .as("policy violations and script errors in the pages")
                .isEmpty();
        adminSession.close();
        aliceSession.close();
        bobSession.close();
    }
}
