package dev.kept.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.insights.InsightFixtures;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The insights in a real browser, on an organization with known numbers ({@link InsightFixtures}, a
 * few months of closed commitments, check-ins, challenges, thanks and help): a member's own page,
 * their team's, and the admin's study of the organization, each with charts drawn as SVG and their
 * tables. Screenshots go to target/browser. Runs with {@code -Pbrowser}.
 */
class InsightsBrowserTests extends BrowserTest {

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberTheirTeamAndTheAdminSeeChartsOfTheirOwnData() {
        clock.freezeAt(InsightFixtures.NOW);
        InsightFixtures fixtures = new InsightFixtures(new ApiFixtures(environment, jdbc), jdbc);
        InsightFixtures.World world = fixtures.world();
        fixtures.more(world, 6);

        Page member = signIn(world.p());
        member.click("nav >> text=Insights");
        assertThat(member.locator("h1")).hasText("Your insights");
        assertThat(member.locator("main")).containsText("You kept");
        assertCharts(member);
        member.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target/browser/insights-me.png"))
                .setFullPage(true));

        member.navigate(BASE + "/insights/teams/" + world.t());
        assertCharts(member);
        member.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target/browser/insights-team.png"))
                .setFullPage(true));

        Page admin = signIn(world.admin());
        admin.click("nav >> text=Organization insights");
        assertThat(admin.locator("h1")).hasText("Organization insights");
        assertCharts(admin);
        admin.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target/browser/insights-organization.png"))
                .setFullPage(true));
        assertThat(browser.complaintsBesidesNotFoundAt()).isEmpty();
    }

    /** Each chart is drawn (an SVG with at least one bar) and has its table of numbers. */
    private static void assertCharts(Page page) {
        // the page is read whole, not while it still arrives
        page.waitForLoadState(LoadState.LOAD);
        int charts = page.locator("figure.chart").count();
        assertThat(charts).isPositive();
        assertThat(page.locator("figure.chart svg rect").count()).isPositive();
        assertThat(page.locator("figure.chart details.numbers table").count()).isEqualTo(charts);
    }

    private Page signIn(Account account) {
        BrowserContext context = browser.newContext();
        Page page = browser.page(context);
        page.navigate(BASE + "/login");
        page.fill("#email", account.email());
        page.fill("#password", account.password());
        page.click("form:has(#password) button[type=submit]");
        assertThat(page.locator("nav")).isVisible();
        return page;
    }
}
