package dev.kept.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.kept.web.BrowserFixture.notice;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pulse in a real browser: the admin sets up a pulse with the default questions for two
 * teams, Platform (five members) and Support (four); a member of Platform answers on the form
 * (the 1–5 scale and a comment), the others through the API. Once the round has closed, the admin
 * sees Platform's mean per question drawn as a chart, its table, and the counts of each score,
 * while Support and all teams together show only that too few answered; a member of Support, whose
 * team alone answered four times, sees no figure at all. The admin's results page goes to
 * target/screenshots/pulse-results.png. Runs with {@code -Pbrowser}.
 */
class PulseBrowserTests extends BrowserTest {

    private static final Pattern BALLOT = Pattern.compile("/pulse/rounds/([0-9a-f-]{36})$");

    /**
     * Platform's answers, one row a member, one column a question; the first row is answered on the
     * form. By question the scores 1 to 5 were chosen Q1 0,0,1,2,2 (mean 4.2), Q2 0,1,1,2,1 (3.6),
     * Q3 0,1,2,1,1 (3.4), Q4 0,2,1,1,1 (3.2), Q5 1,1,1,1,1 (3.0).
     */
    private static final int[][] PLATFORM = {
        {5, 4, 3, 2, 1},
        {4, 4, 4, 4, 4},
        {5, 5, 5, 5, 5},
        {3, 3, 3, 3, 3},
        {4, 2, 2, 2, 2}
    };

    private static final String[] MEANS = {"4.2", "3.6", "3.4", "3.2", "3.0"};

    private static final String[][] COUNTS = {
        {"0", "0", "1", "2", "2"},
        {"0", "1", "1", "2", "1"},
        {"0", "1", "2", "1", "1"},
        {"0", "2", "1", "1", "1"},
        {"1", "1", "1", "1", "1"}
    };

    private static final String COMMENT = "We asked about the slipping release early, and it helped.";
    private static final String HIDDEN_COMMENT = "Support's comment, which four answers never show";

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminSetsUpAPulseMembersAnswerAndTheResultsShowOnlyForFiveOrMore() {
        clock.freeze();
        ApiFixtures api = new ApiFixtures(environment, jdbc);
        Account admin = api.signUp();
        String platform = ApiFixtures.unique("Platform");
        String support = ApiFixtures.unique("Support");
        UUID platformId = api.team(admin, platform);
        UUID supportId = api.team(admin, support);
        List<Account> platformMembers = members(api, admin, platformId, 5);
        List<Account> supportMembers = members(api, admin, supportId, 4);

        // the admin sets up a pulse with the default questions, starting today, for both teams
        Page adminPage = signIn(admin);
        adminPage.click("nav >> text=Pulse settings");
        assertThat(adminPage.locator("h1")).hasText("Pulse settings");
        adminPage.click("text=New pulse");
        assertThat(adminPage.locator("#questions0")).not().isEmpty();
        assertThat(adminPage.locator("#minGroup")).hasValue("5");
        String title = ApiFixtures.unique("How we hold each other accountable");
        adminPage.fill("#title", title);
        for (String team : List.of(platform, support)) {
            adminPage.fill("#addTeam", team);
            adminPage.click("button:has-text('Add this team')");
            assertThat(adminPage.locator("fieldset.teams label.choice:has-text('" + team + "') input"))
                    .isChecked();
        }
        adminPage.click("button:has-text('Save')");
        assertThat(notice(adminPage)).hasText("The pulse is saved.");
        assertThat(adminPage.locator("h1")).hasText(title);
        UUID pulse = UUID.fromString(adminPage.url().substring(adminPage.url().lastIndexOf('/') + 1));

        // a member of Platform finds the open round and answers it on the form
        Page member = signIn(platformMembers.get(0));
        member.click("nav a[href='/pulse']");
        member.click("#pulse-rounds a:has-text('" + title + "')");
        Matcher ballot = BALLOT.matcher(member.url());
        assertThat(ballot.find()).as(member.url()).isTrue();
        UUID round = UUID.fromString(ballot.group(1));
        assertThat(member.locator("fieldset.scale")).hasCount(PLATFORM[0].length);
        for (int question = 0; question < PLATFORM[0].length; question++) {
            member.check("input[name='scores[" + question + "]'][value='" + PLATFORM[0][question] + "']");
        }
        member.fill("#comment", COMMENT);
        member.click("button:has-text('Send my answer')");
        assertThat(notice(member)).hasText("Thank you: your answer is in, without your name.");
        assertThat(member.locator("#pulse-rounds li:has-text('" + title + "') .badge"))
                .hasText("answered");

        // the other four of Platform and all four of Support answer through the API
        for (int i = 1; i < PLATFORM.length; i++) {
            answer(api, platformMembers.get(i), round, PLATFORM[i], i == 1 ? "" : null);
        }
        for (Account account : supportMembers) {
            answer(api, account, round, new int[] {1, 1, 1, 1, 1}, HIDDEN_COMMENT);
        }

        // results show only once the round has closed
        adminPage.navigate(BASE + "/pulse/" + pulse + "/results");
        assertThat(adminPage.locator("main")).containsText("No round has closed yet");
        assertThat(adminPage.locator("figure.chart")).hasCount(0);
        clock.advance(Duration.ofDays(7));

        adminPage.navigate(BASE + "/pulse/" + pulse + "/results");
        adminPage.waitForLoadState(LoadState.LOAD);
        Locator shown = adminPage.locator("#group-" + platformId);
        assertThat(shown.locator("h2")).hasText(platform);
        assertThat(shown).containsText("5 answered");
        Locator chart = shown.locator("figure.chart");
        assertThat(chart).hasCount(1);
        assertThat(chart.locator("svg rect")).hasCount(MEANS.length);
        assertThat(chart.locator("svg text.value")).hasText(MEANS);
        assertThat(chart.locator("details.numbers tbody td:nth-child(2)")).hasText(MEANS);
        Locator rows = shown.locator("table.distribution tbody tr");
        assertThat(rows).hasCount(COUNTS.length);
        for (int question = 0; question < COUNTS.length; question++) {
            Locator row = rows.nth(question);
            assertThat(row.locator("th")).containsText("Q" + (question + 1) + ". ");
            assertThat(row.locator("td.mean")).hasText(MEANS[question]);
            assertThat(row.locator("td:not(.mean)")).hasText(COUNTS[question]);
        }
        assertThat(shown.locator("ul.comments li")).hasText(new String[] {COMMENT});
        assertHidden(adminPage.locator("#group-" + supportId), "Fewer than 5 answers: nothing is shown.");
        assertHidden(adminPage.locator("#group-all"), "Nothing is shown: fewer than 5 answers in all");
        assertThat(adminPage.locator("main")).not().containsText(HIDDEN_COMMENT);
        // the trend of Platform is drawn too: one chart a question, one column for the one round
        assertThat(adminPage.locator(".charts figure.chart")).hasCount(MEANS.length);
        adminPage.screenshot(new Page.ScreenshotOptions()
                .setPath(BrowserFixture.SHOTS.resolve("pulse-results.png"))
                .setFullPage(true));

        // a member of Support sees their team and all teams, neither with a figure
        Page supporter = signIn(supportMembers.get(0));
        supporter.navigate(BASE + "/pulse/" + pulse + "/results");
        supporter.waitForLoadState(LoadState.LOAD);
        assertThat(supporter.locator("main section.card h2")).hasText(new String[] {support, "All teams"});
        assertHidden(supporter.locator("#group-" + supportId), "Fewer than 5 answers: nothing is shown.");
        assertThat(supporter.locator("main svg rect")).hasCount(0);
        assertThat(supporter.locator("main table.distribution")).hasCount(0);
        assertThat(supporter.locator("main")).not().containsText(HIDDEN_COMMENT);
        assertThat(supporter.locator("main")).not().containsText(platform);
        assertThat(browser.complaintsBesidesNotFoundAt()).isEmpty();
    }

    /** A group that shows nothing: the message, and no count, chart, table or comment. */
    private static void assertHidden(Locator group, String message) {
        assertThat(group).containsText(message);
        assertThat(group).not().containsText("answered");
        assertThat(group.locator("figure, svg, table, ul.comments")).hasCount(0);
    }

    private static List<Account> members(ApiFixtures api, Account admin, UUID team, int count) {
        List<Account> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(api.join(admin, Map.of("teamId", team.toString())));
        }
        return members;
    }

    private static void answer(ApiFixtures api, Account member, UUID round, int[] scores, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scores", java.util.Arrays.stream(scores).boxed().toList());
        body.put("comment", comment);
        api.post(member.token(), "/api/v1/pulses/rounds/" + round + "/answers", body)
                .expect(204);
    }

    private Page signIn(Account account) {
        Page page = browser.page(browser.newContext());
        page.navigate(BASE + "/login");
        page.fill("#email", account.email());
        page.fill("#password", account.password());
        page.click("form:has(#password) button[type=submit]");
        assertThat(page.locator("nav")).isVisible();
        return page;
    }
}
