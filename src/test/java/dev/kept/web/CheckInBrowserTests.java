package dev.kept.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.kept.web.BrowserFixture.notice;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two partners meet, in two browser contexts of Debian's Chromium and everything through the pages:
 * Dana proposes a weekly check-in on the schedule page, Lee accepts it; Dana opens the agenda of the
 * first one, updates progress on her shared commitment in place (htmx, no page load), writes a
 * shared and a private note; Lee sees the shared note and not the private one, the admin sees
 * nothing. Once the clock passes its start Dana marks it held and the streak is 1. Screenshots of
 * the agenda and the schedule go to /tmp. Runs with {@code -Pbrowser}; without Chromium it fails,
 * never skips.
 */
class CheckInBrowserTests extends BrowserTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void partnersAgreeAScheduleMeetOnTheAgendaAndKeepTheirPrivateNotesPrivate() {
        clock.freeze();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String danaEmail = "dana-" + suffix + "@example.org";
        String leeEmail = "lee-" + suffix + "@example.org";
        String what = "Publish the incident review of the October outage";
        String sharedNote = "We agreed to ask the SRE team for the timeline by Friday.";
        String privateNote = "I am worried I promised too much this month.";
        // tomorrow in Berlin, at 09:00 Berlin time: the first check-in of a weekly schedule
        LocalDate tomorrow = LocalDate.now(Clock.fixed(clock.instant(), BERLIN)).plusDays(1);
        DayOfWeek weekday = tomorrow.getDayOfWeek();
        ZonedDateTime firstStart = ZonedDateTime.of(tomorrow, LocalTime.of(9, 0), BERLIN);

        // the admin signs up and invites Dana and Lee, who join from their e-mails
        BrowserContext adminSession = browser.newContext();
        Page admin = browser.signUp(adminSession, "Acme " + suffix, "Ada Admin", "ada-" + suffix + "@example.org");
        browser.invite(admin, "Dana Doer", danaEmail, null, "EMEA", "3");
        browser.invite(admin, "Lee Listener", leeEmail, null, "APAC", "4");
        BrowserContext danaSession = browser.newContext();
        Page dana = browser.join(danaSession, danaEmail, "Dana Doer", "danas own long phrase");
        BrowserContext leeSession = browser.newContext();
        Page lee = browser.join(leeSession, leeEmail, "Lee Listener", "lees own long phrase");

        // Dana lives in Berlin, invites Lee as her peer partner and shares a commitment with him
        dana.navigate(BASE + "/settings/profile");
        dana.fill("#timeZone", "Europe/Berlin");
        dana.click("button:has-text('Save')");
        dana.click("nav >> text=Partners");
        dana.selectOption("#partnerId", new SelectOption().setLabel("Lee Listener"));
        dana.click("button:has-text('Send the invitation')");
        assertThat(dana.locator("h1")).hasText("Lee Listener");
        String partnershipUrl = dana.url();
        assertThat(dana.locator("a.checkins")).hasCount(0);
        lee.navigate(partnershipUrl);
        lee.click("button:has-text('Accept the agreement')");
        assertThat(notice(lee)).hasText("You are partners now.");

        dana.click("nav >> text=New commitment");
        dana.fill("#what", what);
        dana.fill("#doneWhen", "The review is published on the wiki and read out at the all-hands");
        dana.fill("#due", tomorrow.plusDays(5).toString());
        dana.fill("#why", "Other teams can learn from the outage only once it is written down");
        dana.selectOption("#visibility", "PARTNERS");
        dana.click("button:has-text('Make this commitment')");
        assertThat(dana.locator("h1")).hasText(what);

        // Dana follows the partnership's "Check-ins" link and proposes a weekly schedule
        dana.navigate(partnershipUrl);
        dana.click("a.checkins");
        assertThat(dana.locator("h1")).hasText("Check-ins with Lee Listener");
        assertThat(dana.locator("#schedule")).containsText("No schedule is in effect yet.");
        assertThat(dana.locator("#timeZone")).hasValue("Europe/Berlin");
        dana.selectOption("#cadence", "WEEKLY");
        dana.selectOption("#weekday", weekday.name());
        dana.fill("#time", "09:00");
        dana.fill("#durationMinutes", "30");
        dana.fill("#location", "https://meet.example.org/dana-lee");
        dana.click("button:has-text('Propose')");
        assertThat(notice(dana)).hasText("Proposed: it takes effect when Lee Listener accepts it.");
        assertThat(dana.locator("#proposal h2")).hasText("Your proposal");
        assertThat(dana.locator("#proposal button")).hasText("Take back");
        String scheduleUrl = dana.url();

        // Lee accepts it from the same page
        lee.navigate(scheduleUrl);
        assertThat(lee.locator("#proposal h2")).hasText("Dana Doer proposes");
        assertThat(lee.locator("#proposal .terms"))
                .containsText("Every week on " + weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + " at 09:00 Europe/Berlin, 30 minutes");
        lee.click("#proposal button:has-text('Accept')");
        assertThat(notice(lee)).hasText("Accepted: the check-ins are planned for both of you.");
        assertThat(lee.locator("#proposal")).hasCount(0);
        assertThat(lee.locator("#schedule a.where")).hasAttribute("href", "https://meet.example.org/dana-lee");
        assertThat(lee.locator("#upcoming tbody tr")).hasCount(5);

        // Dana opens the first check-in from her list
        dana.click("nav >> text=Check-ins");
        assertThat(dana.locator("h1")).hasText("Check-ins");
        Locator first = dana.locator("#upcoming tbody tr").first();
        assertThat(first).containsText("Lee Listener");
        assertThat(first).containsText("09:00 Europe/Berlin");
        assertThat(first).containsText("30 min");
        first.locator("a").click();
        assertThat(dana.locator("h1")).hasText("Check-in with Lee Listener");
        assertThat(dana.locator("#when a.where")).hasAttribute("href", "https://meet.example.org/dana-lee");
        assertThat(dana.locator("#attendance button:has-text('Held')")).hasCount(0);
        String agendaUrl = dana.url();

        // she updates progress on her commitment in place: the item changes, the page does not reload
        Locator item = dana.locator("li.agenda-item").filter(new Locator.FilterOptions().setHasText(what));
        assertThat(item.locator(".percent")).hasText("0%");
        AtomicInteger loads = new AtomicInteger();
        dana.onLoad(page -> loads.incrementAndGet());
        item.locator("input[name=percent]").fill("60");
        item.locator("select[name=confidence]").selectOption("AT_RISK");
        item.locator("input[name=note]").fill("The timeline is still missing");
        item.locator("button:has-text('Update progress')").click();
        assertThat(item.locator(".notice")).hasText("Progress recorded.");
        assertThat(item.locator(".percent")).hasText("60%");
        assertThat(item.locator(".state .badge")).hasText("At risk");
        assertThat(dana).hasURL(agendaUrl);
        assertThat(loads.get()).as("page loads during the inline update").isZero();

        // a shared note and a private one
        dana.fill("#note-text", sharedNote);
        dana.click("button:has-text('Save the note')");
        assertThat(notice(dana)).hasText("Your note is shared.");
        dana.fill("#note-text", privateNote);
        dana.check("#note-private");
        dana.click("button:has-text('Save the note')");
        assertThat(notice(dana)).hasText("Your private note is saved: only you see it.");
        assertThat(dana.locator("ul.notes li")).hasCount(2);
        assertThat(dana.locator("ul.notes li.private")).containsText("private — only you see this");
        assertThat(dana.locator("ul.notes li.private")).containsText(privateNote);
        dana.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("/tmp/agenda.png"))
                .setFullPage(true));

        // Lee sees the shared note and the progress, never the private note
        lee.navigate(agendaUrl);
        assertThat(lee.locator("h1")).hasText("Check-in with Dana Doer");
        assertThat(lee.locator("ul.notes li")).hasCount(1);
        assertThat(lee.locator("ul.notes")).containsText(sharedNote);
        assertThat(lee.locator("main")).not().containsText(privateNote);
        assertThat(lee.locator("main")).not().containsText("private — only you see this");
        Locator leesItem = lee.locator("li.agenda-item").filter(new Locator.FilterOptions().setHasText(what));
        assertThat(leesItem.locator(".percent")).hasText("60%");
        assertThat(leesItem.locator("form")).hasCount(0);

        // the admin gets nothing of it
        admin.navigate(agendaUrl);
        assertThat(admin.locator("h1")).hasText("Not found");
        admin.navigate(scheduleUrl);
        assertThat(admin.locator("h1")).hasText("Not found");

        // once it has started, Dana marks it held: a streak of one
        clock.advance(Duration.between(clock.instant(), firstStart.toInstant()).plusMinutes(5));
        dana.navigate(agendaUrl);
        dana.click("#attendance button:has-text('Held')");
        assertThat(notice(dana)).hasText("Recorded as held.");
        assertThat(dana.locator("#when .badge.status")).hasText("Held");
        assertThat(dana.locator("#when .streak")).hasText("Streak: 1");
        dana.navigate(scheduleUrl);
        assertThat(dana.locator("#attendance .streak")).hasText("Streak: 1");
        assertThat(dana.locator("#attendance")).containsText("1 held");
        assertThat(dana.locator("#attendance")).containsText("consistency 100%");
        dana.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("/tmp/schedule.png"))
                .setFullPage(true));

        assertThat(browser.complaintsBesidesNotFoundAt(agendaUrl, scheduleUrl))
                .as("policy violations and script errors in the pages")
                .isEmpty();
        adminSession.close();
        danaSession.close();
        leeSession.close();
    }
}
