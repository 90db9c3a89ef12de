package dev.kept.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.kept.web.BrowserFixture.notice;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.nio.file.Paths;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on in Debian's Chromium: the admin adds the organization's identity provider (a real
 * OpenID Connect server, with its own login page) on the single sign-on page; a colleague who was
 * never invited enters her work e-mail on the sign-in page, picks the provider, signs in on the
 * provider's page and lands on Kept's home page, signed in as a new member. Runs with {@code
 * -Pbrowser}; without Chromium it fails, never skips.
 */
class SsoBrowserTests extends BrowserTest {

    private static MockOAuth2Server provider;

    @BeforeAll
    static void startTheProvider() {
        provider = new MockOAuth2Server(new OAuth2Config(true));
        provider.start();
    }

    @AfterAll
    static void stopTheProvider() {
        provider.shutdown();
    }

    @Test
    void aColleagueSignsInThroughTheIdentityProviderAndLandsOnHerHomePage() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String domain = "acme-" + suffix + ".example";
        String issuer = provider.issuerUrl("acme").toString();

        // the admin adds the provider on the single sign-on page
        Page admin = browser.signUp(browser.newContext(), "Acme " + suffix, "Ada Admin", "ada@" + domain);
        admin.click("nav >> text=Single sign-on");
        admin.fill("#sso-name", "Acme Login");
        admin.fill("#sso-issuer", issuer);
        admin.fill("#sso-client-id", "kept");
        admin.fill("#sso-client-secret", "a client secret");
        admin.fill("#sso-domains", domain);
        admin.click("button:has-text('Add the provider')");
        assertThat(notice(admin)).hasText("Acme Login was saved.");
        assertThat(admin.locator("table")).containsText(domain);
        admin.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "sso-admin.png"))
                .setFullPage(true));

        // Sol signs in with her work e-mail through the provider's own sign-in page
        BrowserContext solSession = browser.newContext();
        // the provider's login page asks for a web font: nothing leaves this machine, it gets no style
        solSession.route(
                url -> !url.startsWith("http://localhost:"),
                route -> route.fulfill(new Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("text/css")
                        .setBody("")));
        Page sol = browser.page(solSession);
        sol.navigate(BASE + "/login");
        sol.click("text=Sign in with single sign-on");
        sol.fill("#sso-email", "sol@" + domain);
        sol.click("button:has-text('Continue')");
        sol.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "sso-sign-in-step.png"))
                .setFullPage(true));
        sol.click("text=Sign in with Acme Login");
        sol.waitForURL(url -> url.startsWith(issuer + "/authorize"));
        sol.fill("input[name=username]", "sol-" + suffix);
        sol.fill(
                "textarea[name=claims]",
                "{\"email\": \"sol@" + domain + "\", \"email_verified\": true, \"name\": \"Sol Single\"}");
        sol.click("input[type=submit]");

        assertThat(sol).hasURL(BASE + "/");
        assertThat(sol.locator("h1")).hasText("Hello, Sol Single");
        sol.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "sso-signed-in.png"))
                .setFullPage(true));

        // she is a member of Acme now: the admin sees her among the people
        admin.navigate(BASE + "/people");
        assertThat(admin.locator("main")).containsText("Sol Single");
        assertThat(browser.complaintsBesidesNotFoundAt()).isEmpty();
    }
}
