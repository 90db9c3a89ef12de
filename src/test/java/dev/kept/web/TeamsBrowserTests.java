package dev.kept.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.kept.web.BrowserFixture.notice;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two teams hold each other accountable, everything through the pages of Debian's Chromium: Paula
 * leads Platform and proposes Platform's goal to Support for co-ownership; Sam, Support's lead,
 * counter-proposes a later date and a different contribution; Paula accepts. Sid, in Support, raises
 * a flag on Paula's commitment for the goal and offers two afternoons of help; Paula accepts the
 * help and thanks the team Support for it. The goal's map shows the co-owners, the commitment, the
 * open flag, the help and the thanks. Runs with {@code -Pbrowser}; without Chromium it fails, never
 * skips.
 */
class TeamsBrowserTests extends BrowserTest {

    @Test
    void twoTeamsNegotiateAGoalSpeakUpHelpAndThankAndTheMapShowsIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String paulaEmail = "paula-" + suffix + "@example.org";
        String samEmail = "sam-" + suffix + "@example.org";
        String sidEmail = "sid-" + suffix + "@example.org";
        String goal = "New customers are live within a day";
        String what = "Ship the self-service setup wizard";
        String noticed = "The wizard has had no progress update for two weeks";
        String question = "Is the data import step what is holding it up?";
        String help = "Two afternoons of testing the import with real customer files";
        String thanks = "Your testing found the import bug before our customers did";
        LocalDate due = LocalDate.now().plusDays(90);
        LocalDate later = due.plusDays(30);

        // the admin forms two teams and invites a lead for each and a member of Support
        BrowserContext adminSession = browser.newContext();
        Page admin = browser.signUp(adminSession, "Acme " + suffix, "Ada Admin", "ada-" + suffix + "@example.org");
        for (String team : new String[] {"Platform", "Support"}) {
            admin.navigate(BASE + "/teams");
            admin.fill("#name", team);
            admin.click("button:has-text('Form team')");
        }
        browser.invite(admin, "Paula Platform", paulaEmail, "Platform", null, null);
        browser.invite(admin, "Sam Support", samEmail, "Support", null, null);
        browser.invite(admin, "Sid Support", sidEmail, "Support", null, null);
        admin.navigate(BASE + "/teams");
        lead(admin, "Platform", "Paula Platform", paulaEmail);
        lead(admin, "Support", "Sam Support", samEmail);
        Page paula = browser.join(browser.newContext(), paulaEmail, "Paula Platform", "paulas own long phrase");
        Page sam = browser.join(browser.newContext(), samEmail, "Sam Support", "sams own long phrase");
        Page sid = browser.join(browser.newContext(), sidEmail, "Sid Support", "sids own long phrase");

        // Paula sets Platform's goal and proposes it to Support, saying what each team contributes
        paula.click("nav >> text=Goals");
        paula.fill("#title", goal);
        paula.fill("#why", "Customers who start fast stay");
        paula.fill("#doneWhen", "Nine in ten new customers are live within a day of signing");
        paula.fill("#due", due.toString());
        // the team's field offers her own team first, and more as she types
        assertThat(paula.locator("#teamName-choices option").first()).hasAttribute("value", "Platform");
        paula.fill("#teamName", "Plat");
        assertThat(paula.locator("#teamName-choices option[value=Platform]")).hasCount(1);
        paula.fill("#teamName", "Platform");
        paula.click("button:has-text('Set this goal')");
        assertThat(paula.locator("h1")).hasText(goal);
        String goalUrl = paula.url();
        paula.click("text=Propose to co-own it with other teams");
        // she names the team to ask in the search field, without a list of every team
        paula.fill("#invitedName", "Support");
        paula.click("button:has-text('Next: the terms')");
        assertThat(paula.locator("#choose-teams label:has-text('Support') input"))
                .isChecked();
        paula.locator("#terms textarea[name=contributions]").nth(0).fill("Build the setup wizard");
        paula.locator("#terms textarea[name=contributions]").nth(1).fill("Run one onboarding call");
        paula.click("button:has-text('Propose')");
        assertThat(notice(paula)).containsText("Proposed");
        String proposalUrl = paula.url();

        // Sam finds it in his inbox and counter-proposes: a month later, two calls
        sam.click("nav >> text=Inbox");
        sam.click("text=proposes to co-own");
        assertThat(sam).hasURL(proposalUrl);
        sam.click("summary:has-text('Counter-propose changed terms')");
        Locator counter = sam.locator("form[action$='/counter']");
        counter.locator("input[type=date]").fill(later.toString());
        counter.locator("textarea[name=contributions]").nth(1).fill("Run two onboarding calls per customer");
        counter.locator("textarea[name=note]").fill("One call is not enough for the larger customers");
        counter.locator("button:has-text('Counter-propose')").click();
        assertThat(notice(sam)).containsText("Your terms are on the table");
        assertThat(sam.locator("#status")).hasText("OPEN");

        // Paula accepts the new terms: the goal is co-owned
        paula.navigate(proposalUrl);
        assertThat(paula.locator("#on-the-table")).containsText("Run two onboarding calls per customer");
        paula.click("button:has-text('Accept these terms')");
        assertThat(notice(paula)).hasText("Every team has accepted: the goal is co-owned now.");
        assertThat(paula.locator("#history")).containsText("Every team agreed");
        paula.navigate(goalUrl);
        assertThat(paula.locator("#co-owners")).containsText("Support");
        assertThat(paula.locator("#co-owners")).containsText("Run two onboarding calls per customer");

        // Paula commits to the goal, for the organization to see
        paula.click("nav >> text=New commitment");
        paula.fill("#what", what);
        paula.fill("#doneWhen", "The wizard is live and ten customers have used it");
        paula.fill("#due", due.minusDays(30).toString());
        paula.fill("#why", "Most new customers give up in the manual setup");
        paula.fill("#goalName", goal);
        paula.selectOption("#visibility", "ORGANIZATION");
        paula.click("button:has-text('Make this commitment')");
        assertThat(paula.locator("h1")).hasText(what);
        String commitmentUrl = paula.url();

        // Sid, in Support, speaks up on it and offers help
        sid.navigate(commitmentUrl);
        sid.locator("#teamwork").locator("text=Raise a flag").click();
        assertThat(sid.locator("h1")).hasText("Speak up: is it in jeopardy?");
        sid.fill("#noticed", noticed);
        sid.fill("#question", question);
        sid.selectOption("#helpKind", "TIME");
        sid.fill("#helpWhat", help);
        sid.click("button:has-text('Raise the flag')");
        assertThat(notice(sid)).containsText("Your flag is raised");

        // Paula sees the flag on her commitment, accepts the help and thanks Support
        paula.navigate(commitmentUrl);
        assertThat(paula.locator("#teamwork")).containsText(question);
        paula.locator("#teamwork").locator("text=" + question).click();
        paula.click("text=Help offered with it");
        paula.click("button:has-text('Accept the help')");
        assertThat(paula.locator("article")).containsText("accepted it");
        paula.click("#say-thanks");
        paula.fill("#toTeamName", "Support");
        paula.fill("#message", thanks);
        paula.click("button:has-text('Say thanks')");
        Locator given = paula.locator("ul.feed li").filter(new Locator.FilterOptions().setHasText(thanks));
        assertThat(given).containsText("across teams");

        // the map shows the co-owners, the commitment, the open flag, the help and the thanks
        sam.navigate(goalUrl);
        sam.click("text=See the map");
        Locator owners = sam.locator("p.co-owners").first();
        assertThat(owners).containsText("Platform");
        assertThat(owners).containsText("Support");
        assertThat(sam.locator("#lanes .lane").filter(new Locator.FilterOptions().setHasText("Platform")))
                .containsText("1 open");
        assertThat(sam.locator("#here")).containsText(what);
        assertThat(sam.locator(".signals .flag")).containsText(noticed);
        assertThat(sam.locator(".signals .help")).containsText(help);
        assertThat(sam.locator(".signals .thanks")).containsText(thanks);
        assertThat(sam.locator(".signals .thanks")).containsText("across teams");
        sam.screenshot(
                new Page.ScreenshotOptions().setPath(Paths.get("/tmp/map.png")).setFullPage(true));

        // the everyday moves: Sid offered help; Paula co-owned a goal, made her work visible, thanked
        sid.click("nav >> text=Moves");
        assertThat(sid.locator("#mine li[data-kind=OFFER_HELP]")).containsText("Made once");
        paula.click("nav >> text=Moves");
        assertThat(paula.locator("#mine li[data-kind=CO_OWN_GOAL] .badge")).containsText("Made");
        assertThat(paula.locator("#mine li[data-kind=THANK]")).containsText("Made once");
        assertThat(paula.locator("#mine li[data-kind=MAKE_VISIBLE] .badge")).containsText("Made");
        paula.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("/tmp/moves.png"))
                .setFullPage(true));

        // a decision affecting Support, sent with Enter from its title: Enter sends the form, it does
        // not press the teams field's "Add" (which would show the form again and record nothing)
        paula.navigate(goalUrl.substring(0, goalUrl.indexOf("/goals/")) + "/decisions/new");
        paula.fill("#decision", "New customers get a setup call before the wizard");
        paula.fill("#options", "A call first\nThe wizard first");
        paula.fill("#servesOrganization", "Every team starts from customers who are set up");
        paula.fill("#teamName", "Support");
        paula.fill("#title", "Setup calls come first");
        paula.press("#title", "Enter");
        assertThat(paula.locator("h1")).hasText("Setup calls come first");
        assertThat(browser.complaintsBesidesNotFoundAt()).isEmpty();
    }

    /** The admin makes a person the lead of a team from the teams page. */
    private static void lead(Page admin, String team, String person, String email) {
        admin.navigate(BASE + "/teams");
        admin.click("#team-list >> text=" + team);
        admin.fill("#leadEmail", email);
        admin.click("button:has-text('Save')");
        admin.navigate(BASE + "/teams");
        assertThat(admin.locator("#team-list li").filter(new Locator.FilterOptions().setHasText(team)))
                .containsText("led by " + person);
    }
}
