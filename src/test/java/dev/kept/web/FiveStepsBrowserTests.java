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
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The five steps of social accountability in Debian's Chromium, everything through the pages and
 * each person in a browser context of their own: an admin forms a team and invites its lead, a
 * member and a colleague (the links come by e-mail, caught by GreenMail). The lead asks the member
 * for a commitment (expectations); the member asks a question and counter-proposes a later date,
 * which the lead accepts (alignment); the member accepts it as a commitment made to the lead, plans a
 * milestone (control), takes ownership and invites the colleague as co-owner, who accepts and reports
 * progress (ownership); the member renegotiates the date once, the lead accepts; the member closes
 * it as kept and the lead confirms it and reflects (verification). The admin sees none of it. Runs
 * with {@code -Pbrowser}; without Chromium it fails, never skips.
 */
class FiveStepsBrowserTests extends BrowserTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    @Test
    void leadAsksMemberAlignsOnADateAndTheCommitmentIsOwnedRenegotiatedClosedAndConfirmed() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String team = "Payments " + suffix;
        String leadName = "Lena Lead";
        String memberName = "Max Member";
        String colleagueName = "Cleo Colleague";
        String leadEmail = "lena-" + suffix + "@example.org";
        String memberEmail = "max-" + suffix + "@example.org";
        String colleagueEmail = "cleo-" + suffix + "@example.org";
        // "improve" is vague on purpose: the clarity panel shows it to both sides
        String what = "Improve the on-call runbook for the payments service";
        String doneWhen = "The runbook is published on the wiki and two people on call have used it";
        String why = "Night alerts take an hour to resolve because nobody knows the steps";
        String question = "Does the runbook also cover the refunds queue?";
        String answer = "Yes: refunds are where most alerts come from.";
        String counterReason = "The refunds queue doubles the work; I need one more week.";
        String milestone = "Draft reviewed by the on-call rota";
        String renegotiationReason = "The payment provider changes its API next week; the runbook should cover it.";
        String closingReflection = "Writing it with the people on call made it short and used.";
        String confirmation = "I watched two alerts resolved with it in ten minutes.";
        String leadWorked = "Asking for a date you could keep";
        String leadChangeNext = "Name the refunds queue in the first ask";
        LocalDate today = LocalDate.now();
        LocalDate asked = today.plusWeeks(3);
        LocalDate countered = asked.plusWeeks(1);
        LocalDate renegotiated = countered.plusWeeks(1);
        LocalDate milestoneDue = today.plusDays(10);

        // the admin signs up, invites the lead, forms the team with that lead, then invites the member
        // into the team and a colleague outside it
        BrowserContext adminSession = browser.newContext();
        Page admin = browser.signUp(adminSession, "Acme " + suffix, "Ada Admin", "ada-" + suffix + "@example.org");
        browser.invite(admin, leadName, leadEmail, null, null, null);
        admin.click("nav >> text=Teams");
        assertThat(admin.locator("h1")).hasText("Teams");
        admin.fill("#name", team);
        admin.fill("#leadEmail", leadEmail);
        admin.click("button:has-text('Form team')");
        assertThat(notice(admin)).hasText("Team " + team + " formed.");
        admin.navigate(BASE + "/teams");
        Locator teamRow = admin.locator("#team-list li").filter(new Locator.FilterOptions().setHasText(team));
        assertThat(teamRow).containsText("led by " + leadName);
        assertThat(teamRow).containsText("1 member");
        browser.invite(admin, memberName, memberEmail, team, null, null);
        browser.invite(admin, colleagueName, colleagueEmail, null, null, null);
        Locator memberRow = admin.locator("main li").filter(new Locator.FilterOptions().setHasText(memberName));
        assertThat(memberRow).containsText(team);
        admin.navigate(BASE + "/teams");
        assertThat(teamRow).containsText("2 members");

        BrowserContext leadSession = browser.newContext();
        Page lead = browser.join(leadSession, leadEmail, leadName, "lenas own long phrase");
        BrowserContext memberSession = browser.newContext();
        Page member = browser.join(memberSession, memberEmail, memberName, "maxs own long phrase");
        BrowserContext colleagueSession = browser.newContext();
        Page colleague = browser.join(colleagueSession, colleagueEmail, colleagueName, "cleos own long phrase");

        // 1. a clear expectation: the lead asks the member, as a person, with what, done when, by when, why
        lead.click("nav >> text=Expectations");
        assertThat(lead).hasURL(BASE + "/expectations");
        assertThat(lead.locator("h1")).hasText("Expectations");
        assertThat(lead.locator("main")).containsText("Nothing asked of you.");
        assertThat(lead.locator("main")).containsText("You have not asked anyone yet.");
        assertThat(lead.locator("#toTeamName-choices option[value='" + team + "']"))
                .hasCount(1);
        assertThat(lead.locator("main option").filter(new Locator.FilterOptions().setHasText(memberName)))
                .hasCount(0);
        lead.fill("#toPersonEmail", memberEmail);
        lead.fill("#what", what);
        lead.fill("#doneWhen", doneWhen);
        lead.fill("#due", asked.toString());
        lead.fill("#why", why);
        lead.click("button:has-text('Ask')");
        assertThat(notice(lead)).hasText("Asked. You will hear from them in your inbox.");
        assertThat(lead.locator("h1")).hasText(what);
        Locator leadsTerms = lead.locator("article.card p.muted").first();
        assertThat(leadsTerms).containsText(leadName + " asks " + memberName + ", by " + day(asked));
        assertThat(leadsTerms.locator(".badge")).hasText("Open");
        assertThat(lead.locator("article.card")).containsText("Done when: " + doneWhen);
        assertThat(lead.locator("article.card")).containsText("Why: " + why);
        assertThat(lead.locator("#clarity li[data-code=VAGUE]")).containsText("“improve” is vague");
        assertThat(lead.locator("main")).containsText("No questions or proposals yet.");
        assertThat(lead.locator("h2:has-text('Your answer')")).hasCount(0);
        assertThat(lead.locator("label[for=text]")).hasText("Answer or add a note");
        String expectationUrl = lead.url();

        // 2. communicate and align: the member is told, asks a question and proposes a later date
        reloadUntilVisible(member, member.locator("nav .count"));
        assertThat(member.locator("nav .count")).hasText("1");
        member.click("nav >> text=Inbox");
        Locator asking = member.locator("ul.inbox li.unread a");
        assertThat(asking).hasText(leadName + " asks you for a commitment.");
        assertThat(member.locator("ul.inbox")).not().containsText(what);
        asking.click();
        assertThat(member).hasURL(expectationUrl);
        assertThat(member.locator("nav .count")).hasCount(0);
        assertThat(member.locator("h1")).hasText(what);
        assertThat(member.locator("article.card p.muted").first())
                .containsText(leadName + " asks " + memberName + ", by " + day(asked));
        assertThat(member.locator("#clarity li[data-code=VAGUE]")).containsText("“improve” is vague");
        assertThat(member.locator("label[for=text]")).hasText("Ask a clarifying question");
        assertThat(member.locator("button:has-text('Withdraw')")).hasCount(0);
        member.fill("#text", question);
        member.click("button:has-text('Post')");
        assertThat(notice(member)).hasText("Posted.");
        member.fill("#counter-due", countered.toString());
        member.fill("#counter-reason", counterReason);
        member.click("form[action$='/counter'] button:has-text('Propose')");
        assertThat(notice(member)).hasText("Your proposal is waiting for the requester.");
        Locator membersThread = member.locator("ol.timeline > li");
        assertThat(membersThread).hasCount(2);
        assertThat(membersThread.nth(0)).containsText(memberName + " Asks");
        assertThat(membersThread.nth(0)).containsText(question);
        assertThat(membersThread.nth(1)).containsText(memberName + " Proposes");
        assertThat(membersThread.nth(1)).containsText(counterReason);
        assertThat(membersThread.nth(1)).containsText("Due " + day(countered));
        assertThat(membersThread.nth(1).locator(".badge.AT_RISK")).hasText("Waiting");
        assertThat(membersThread.locator("button")).hasCount(0);
        // accepting while the proposal waits is refused and changes nothing
        member.click("form[action$='/accept'] button:has-text('Accept')");
        assertThat(member.locator("main > p.errors"))
                .hasText("A counter-proposal is still waiting for the requester: accept once they have answered it.");
        assertThat(member).hasURL(expectationUrl);
        assertThat(member.locator("article.card .badge").first()).hasText("Open");

        // the lead is told of both, answers the question and accepts the later date
        reloadUntilVisible(lead, lead.locator("nav .count:text('2')"));
        lead.click("nav >> text=Inbox");
        assertThat(lead.locator("ul.inbox li.unread a")).hasCount(2);
        assertThat(lead.locator(
                        "ul.inbox li.unread a:text-is('" + memberName + " asked a question about what you expect.')"))
                .hasCount(1);
        assertThat(lead.locator(
                        "ul.inbox li.unread a:text-is('" + memberName + " proposed other terms for what you expect.')"))
                .hasCount(1);
        assertThat(lead.locator("ul.inbox")).not().containsText(question);
        lead.click("ul.inbox a:has-text('proposed other terms')");
        assertThat(lead).hasURL(expectationUrl);
        Locator leadsThread = lead.locator("ol.timeline > li");
        assertThat(leadsThread).hasCount(2);
        assertThat(leadsThread.nth(0)).containsText(question);
        Locator proposal = leadsThread.nth(1);
        assertThat(proposal).containsText(memberName + " Proposes");
        assertThat(proposal).containsText(counterReason);
        assertThat(proposal).containsText("Due " + day(countered));
        assertThat(proposal.locator(".badge.AT_RISK")).hasText("Waiting");
        lead.fill("#text", answer);
        lead.click("button:has-text('Post')");
        assertThat(notice(lead)).hasText("Posted.");
        assertThat(leadsThread).hasCount(3);
        assertThat(leadsThread.nth(2)).containsText(leadName + " Answers");
        assertThat(leadsThread.nth(2)).containsText(answer);
        proposal.locator("button:has-text('Accept')").click();
        assertThat(notice(lead)).hasText("Accepted: the terms changed.");
        assertThat(lead.locator("article.card p.muted").first())
                .containsText(leadName + " asks " + memberName + ", by " + day(countered));
        assertThat(proposal.locator(".badge.ON_TRACK")).hasText("Accepted");
        assertThat(proposal).containsText("Due " + day(countered));
        assertThat(proposal.locator("button")).hasCount(0);

        // the member sees the new date and accepts: a commitment made to the lead
        reloadUntilVisible(member, member.locator("nav .count"));
        member.click("nav >> text=Inbox");
        member.click("ul.inbox a:has-text('" + leadName + " accepted your counter-proposal.')");
        assertThat(member).hasURL(expectationUrl);
        assertThat(member.locator("article.card p.muted").first())
                .containsText(leadName + " asks " + memberName + ", by " + day(countered));
        assertThat(member.locator("ol.timeline > li").nth(2)).containsText(answer);
        assertThat(member.locator("#visibility option")).hasText(new String[] {
            "Only me", "My accountability partners", "My team", "Everyone in the organization"
        });
        member.selectOption("#visibility", new SelectOption().setLabel("Only me"));
        member.click("form[action$='/accept'] button:has-text('Accept')");
        assertThat(notice(member)).hasText("It is your commitment now, made to " + leadName + ".");
        assertThat(member).hasURL(Pattern.compile(".*/commitments/[0-9a-f-]{36}$"));
        String commitmentUrl = member.url();
        assertThat(member.locator("h1")).hasText(what);
        Locator membersTerms = member.locator("article.card p.muted").first();
        assertThat(membersTerms).containsText(memberName + " will, by " + day(countered));
        assertThat(membersTerms.locator(".badge").first()).hasText("Only me");
        assertThat(member.locator("article.card")).containsText("Made to " + leadName + ", who asked for it");
        assertThat(member.locator("article.card")).containsText("Done when: " + doneWhen);
        assertThat(member.locator("#clarity li[data-code=VAGUE]")).containsText("“improve” is vague");

        // the lead's expectation records the alignment and links to the commitment
        lead.reload();
        assertThat(lead.locator("article.card .badge").first()).hasText("Accepted");
        assertThat(lead.locator("article.card p.notice"))
                .containsText("Aligned: " + memberName + " accepted the why, the definition of done and the date");
        assertThat(lead.locator("section:has(h2:text('Your answer'))")).hasCount(0);
        assertThat(lead.locator("#text")).hasCount(0);
        lead.screenshot(new Page.ScreenshotOptions()
                .setPath(BrowserFixture.SHOTS.resolve("five-steps-expectation-thread.png"))
                .setFullPage(true));
        lead.click("article.card a:has-text('The commitment')");
        assertThat(lead).hasURL(commitmentUrl);
        assertThat(lead.locator("article.card")).containsText("Made to " + leadName + ", who asked for it");
        assertThat(lead.locator("text=Edit the terms")).hasCount(0);
        assertThat(lead.locator("#clarity")).hasCount(0);
        assertThat(lead.locator("text=Record progress")).hasCount(0);
        assertThat(lead.locator("#milestones")).hasCount(0);
        assertThat(lead.locator("h2:text('Close it')")).hasCount(0);

        // 3. a sense of control: the member plans a milestone and marks it done
        Locator milestones = member.locator("#milestones");
        assertThat(milestones.locator("#milestone-due")).hasAttribute("max", countered.toString());
        milestones.locator("#milestone-title").fill(milestone);
        milestones.locator("#milestone-due").fill(milestoneDue.toString());
        milestones.locator("button:has-text('Plan the milestone')").click();
        assertThat(notice(member)).hasText("Milestone planned.");
        Locator planned = milestones.locator("ol.milestones > li");
        assertThat(planned).hasCount(1);
        assertThat(planned).containsText(milestone);
        assertThat(planned).containsText("by " + day(milestoneDue));
        planned.locator("button:has-text('Mark done')").click();
        assertThat(notice(member)).hasText("Milestone done.");
        assertThat(planned.locator(".badge.ON_TRACK")).hasText("Done");
        assertThat(planned.locator("button")).hasText("Reopen");

        // 4. ownership: the member declares the outcome theirs and invites the colleague
        Locator ownership = member.locator("#ownership");
        ownership.locator("button:has-text('I own this outcome')").click();
        assertThat(notice(member)).hasText("You declared the outcome yours.");
        assertThat(ownership).containsText(memberName + " declared the outcome theirs");
        assertThat(ownership.locator("button:has-text('I own this outcome')")).hasCount(0);
        assertThat(ownership.locator("#co-owner option")).hasCount(0);
        ownership.locator("#co-owner").fill(colleagueEmail);
        ownership.locator("button:has-text('Invite')").click();
        assertThat(notice(member)).hasText("Invited: they accept from their inbox.");
        assertThat(ownership.locator("li")).containsText(colleagueName);
        assertThat(ownership.locator("li .badge")).hasText("Invited");
        assertThat(membersTerms).containsText(memberName + " will, by " + day(countered));

        // the colleague follows the inbox link, accepts and reports progress
        reloadUntilVisible(colleague, colleague.locator("nav .count"));
        colleague.click("nav >> text=Inbox");
        Locator invited = colleague.locator("ul.inbox li.unread a");
        assertThat(invited).hasText(memberName + " invites you to co-own a commitment.");
        invited.click();
        assertThat(colleague).hasURL(commitmentUrl);
        assertThat(colleague.locator("h1")).hasText(what);
        assertThat(colleague.locator("text=Record progress")).hasCount(0);
        assertThat(colleague.locator("text=Edit the terms")).hasCount(0);
        colleague.click("#ownership button:has-text('Accept to co-own it')");
        assertThat(notice(colleague)).hasText("You co-own it now: it is ours.");
        assertThat(colleague.locator("article.card p.muted").first())
                .containsText(memberName + " and " + colleagueName + " will together, by " + day(countered));
        assertThat(colleague.locator("#ownership li .badge")).hasText("Co-owner");
        assertThat(colleague.locator("#ownership")).containsText("it is ours now");
        assertThat(colleague.locator("#co-owner")).hasCount(0);
        assertThat(colleague.locator("#renegotiation form")).hasCount(0);
        assertThat(colleague.locator("h2:text('Close it')")).hasCount(0);
        colleague.fill("#percent", "60");
        colleague.selectOption("#confidence", "ON_TRACK");
        colleague.fill("#note", "The refunds section is written and reviewed.");
        colleague.selectOption("#control", "4");
        colleague.fill("#needs", "Half an hour with the provider's support");
        colleague.click("button:has-text('Record progress')");
        assertThat(colleague.locator("#progress p.notice")).hasText("Progress recorded.");
        Locator update = colleague.locator("#progress ol.timeline > li").first();
        assertThat(update).containsText("60%");
        assertThat(update).containsText(colleagueName);
        assertThat(update).containsText("In control: 4/5");
        assertThat(update).containsText("Needs: Half an hour with the provider's support");

        // the member is told and reads it as "ours"
        reloadUntilVisible(member, member.locator("nav .count"));
        member.click("nav >> text=Inbox");
        member.click("ul.inbox a:has-text('" + colleagueName
                + " accepted to co-own your commitment: it is yours together now.')");
        assertThat(member).hasURL(commitmentUrl);
        assertThat(membersTerms)
                .containsText(memberName + " and " + colleagueName + " will together, by " + day(countered));
        assertThat(member.locator("#progress")).containsText("60%");
        assertThat(member.locator("#progress ol.timeline")).containsText(colleagueName);

        // renegotiate before missing: the member proposes a later date, the lead accepts it
        Locator renegotiation = member.locator("#renegotiation");
        renegotiation.locator("#renegotiate-due").fill(renegotiated.toString());
        renegotiation.locator("#renegotiate-reason").fill(renegotiationReason);
        renegotiation.locator("button:has-text('Propose')").click();
        assertThat(notice(member)).hasText("Your proposal is waiting for the other side.");
        Locator proposed = renegotiation.locator("ol.timeline > li");
        assertThat(proposed).hasCount(1);
        assertThat(proposed)
                .containsText(memberName + " proposed due " + day(renegotiated) + " instead of " + day(countered));
        assertThat(proposed).containsText(renegotiationReason);
        assertThat(proposed.locator(".badge")).hasText("Waiting");
        assertThat(proposed.locator("button")).hasCount(0);

        reloadUntilVisible(lead, lead.locator("nav .count"));
        lead.click("nav >> text=Inbox");
        Locator awaiting = lead.locator("ul.inbox li.unread a:text-is('" + memberName
                + " proposes new terms for a commitment you hold them to: accept or decline.')");
        assertThat(awaiting).hasCount(1);
        assertThat(lead.locator("ul.inbox")).not().containsText(renegotiationReason);
        awaiting.click();
        assertThat(lead).hasURL(commitmentUrl);
        Locator leadsRenegotiation = lead.locator("#renegotiation ol.timeline > li");
        assertThat(leadsRenegotiation).hasCount(1);
        assertThat(leadsRenegotiation).containsText(renegotiationReason);
        assertThat(lead.locator("#renegotiation form.card")).hasCount(0);
        leadsRenegotiation.locator("button:has-text('Accept')").click();
        assertThat(notice(lead)).hasText("Accepted: the new terms apply.");
        assertThat(leadsRenegotiation.locator(".badge")).hasText("Accepted by " + leadName);
        Locator leadsTermsOfCommitment = lead.locator("article.card p.muted").first();
        assertThat(leadsTermsOfCommitment).containsText("will together, by " + day(renegotiated));
        assertThat(leadsTermsOfCommitment).containsText("Renegotiated 1×");

        reloadUntilVisible(member, member.locator("nav .count"));
        member.click("nav >> text=Inbox");
        member.click("ul.inbox a:has-text('" + leadName + " accepted your renegotiation of a commitment.')");
        assertThat(member).hasURL(commitmentUrl);
        assertThat(membersTerms)
                .containsText(memberName + " and " + colleagueName + " will together, by " + day(renegotiated));
        assertThat(membersTerms).containsText("Renegotiated 1×");
        assertThat(proposed.locator(".badge")).hasText("Accepted by " + leadName);

        // 5. verify fulfilment: the member closes it as kept, the lead confirms and reflects
        member.selectOption("#outcome", "KEPT");
        member.fill("#reflection", closingReflection);
        member.click("button:has-text('Close the commitment')");
        assertThat(notice(member)).hasText("The commitment is closed. Thank you for the reflection.");
        assertThat(member.locator("article.card")).containsText("Reflection: " + closingReflection);
        assertThat(member.locator("article.card .badge.KEPT").first()).hasText("Kept");
        assertThat(member.locator("#verification")).containsText("Not confirmed by the other side yet.");
        assertThat(member.locator("#verification button:has-text('I confirm')")).hasCount(0);
        assertThat(member.locator("h2:text('Close it')")).hasCount(0);
        assertThat(member.locator("#ownership")).hasCount(0);
        assertThat(member.locator("#clarity")).hasCount(0);
        assertThat(member.locator("text=Edit the terms")).hasCount(0);

        reloadUntilVisible(lead, lead.locator("nav .count"));
        lead.click("nav >> text=Inbox");
        lead.click("ul.inbox li.unread a:text-is('" + memberName
                + " assessed a commitment you hold them to: confirm or dispute the outcome.')");
        assertThat(lead).hasURL(commitmentUrl);
        Locator verification = lead.locator("#verification");
        assertThat(verification).containsText(memberName + " assessed it as Kept. Do you agree?");
        verification.locator("#confirm-comment").fill(confirmation);
        verification.locator("button:has-text('I confirm')").click();
        assertThat(notice(lead)).hasText("Thank you: your word on the outcome is recorded.");
        assertThat(verification.locator("p").first()).containsText("Confirmed by " + leadName);
        assertThat(verification.locator("p").first()).containsText(confirmation);
        assertThat(verification.locator("button:has-text('I confirm')")).hasCount(0);
        verification.locator("#worked").fill(leadWorked);
        verification.locator("#change-next").fill(leadChangeNext);
        verification.locator("button:has-text('Add my reflection')").click();
        assertThat(notice(lead)).hasText("Your reflection is recorded.");
        Locator leadsReflection = verification.locator("article.card");
        assertThat(leadsReflection).hasCount(1);
        assertThat(leadsReflection).containsText(leadName);
        assertThat(leadsReflection).containsText("What worked: " + leadWorked);
        assertThat(leadsReflection).containsText("Next time: " + leadChangeNext);
        assertThat(verification.locator("button:has-text('Add my reflection')")).hasCount(0);

        reloadUntilVisible(member, member.locator("nav .count"));
        member.click("nav >> text=Inbox");
        member.click("ul.inbox a:has-text('" + leadName + " confirmed your assessment of a commitment.')");
        assertThat(member).hasURL(commitmentUrl);
        Locator membersVerification = member.locator("#verification");
        assertThat(membersVerification.locator("p").first()).containsText("Confirmed by " + leadName);
        assertThat(membersVerification.locator(".badge.ON_TRACK")).hasText("Confirmed");
        assertThat(membersVerification.locator("article.card")).containsText("What worked: " + leadWorked);
        assertThat(membersTerms).containsText("Renegotiated 1×");
        assertThat(membersTerms).containsText("will together, by " + day(renegotiated));
        member.screenshot(new Page.ScreenshotOptions()
                .setPath(BrowserFixture.SHOTS.resolve("five-steps-closed-commitment.png"))
                .setFullPage(true));

        // the admin, who runs the organization, sees neither the commitment nor the expectation
        admin.navigate(commitmentUrl);
        assertThat(admin.locator("h1")).hasText("Not found");
        assertThat(admin.locator("main")).not().containsText(what);
        admin.navigate(expectationUrl);
        assertThat(admin.locator("h1")).hasText("Not found");
        assertThat(admin.locator("main")).not().containsText(what);
        admin.navigate(BASE + "/expectations");
        assertThat(admin.locator("main")).not().containsText(what);

        assertThat(browser.complaintsBesidesNotFoundAt(commitmentUrl, expectationUrl))
                .as("policy violations, console errors and script errors in the pages")
                .isEmpty();
        adminSession.close();
        leadSession.close();
        memberSession.close();
        colleagueSession.close();
    }

    private static String day(LocalDate date) {
        return DAY.format(date);
    }
}
