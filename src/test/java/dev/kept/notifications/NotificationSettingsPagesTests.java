package dev.kept.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.people.Caller;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** The reminders page: preferences saved from the form, a calendar address shown once, bad input as a message. */
@KeptApiTest
@AutoConfigureMockMvc
class NotificationSettingsPagesTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MockMvc mvc;

    private static RequestPostProcessor signIn(Account account) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                new Caller(account.personId(), account.organizationId(), account.name()),
                null,
                AuthorityUtils.createAuthorityList("ROLE_MEMBER")));
    }

    private String page(RequestPostProcessor session) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/settings/notifications").with(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theFormSavesThePreferencesAndUncheckedBoxesMeanNo() throws Exception {
        Account admin = api.signUp();
        Account member = api.join(admin);
        RequestPostProcessor session = signIn(member);
        assertThat(page(session)).contains("Remind me of a check-in", "Calendar feed");

        mvc.perform(MockMvcRequestBuilders.post("/settings/notifications")
                        .with(session)
                        .with(csrf())
                        .param("checkInReminderHours", "48")
                        .param("emailDueReminders", "true")
                        .param("weeklyDigest", "true"))
                .andReturn();

        JsonNode saved =
                api.get(member.token(), "/api/v1/me/preferences").expect(200).json();
        assertThat(saved.get("checkInReminderHours").asInt()).isEqualTo(48);
        assertThat(saved.get("emailCheckInReminders").asBoolean()).isFalse();
        assertThat(saved.get("emailDueReminders").asBoolean()).isTrue();
        assertThat(saved.get("emailOverdueReminders").asBoolean()).isFalse();
        assertThat(saved.get("weeklyDigest").asBoolean()).isTrue();
        assertThat(saved.get("emailPulseRounds").asBoolean()).isFalse();
    }

    @Test
    void pulseRoundsComeByMailUntilTheBoxIsUntickedAndAgainOnceTicked() throws Exception {
        Account admin = api.signUp();
        Account member = api.join(admin);
        RequestPostProcessor session = signIn(member);
        assertThat(pulseBox(page(session)))
                .contains("E-mail me when a pulse round opens")
                .contains("checked");

        save(session, false);
        assertThat(api.get(member.token(), "/api/v1/me/preferences")
                        .expect(200)
                        .json()
                        .get("emailPulseRounds")
                        .asBoolean())
                .isFalse();
        assertThat(pulseBox(page(session))).doesNotContain("checked");

        save(session, true);
        JsonNode saved =
                api.get(member.token(), "/api/v1/me/preferences").expect(200).json();
        assertThat(saved.get("emailPulseRounds").asBoolean()).isTrue();
        assertThat(saved.get("checkInReminderHours").asInt()).isEqualTo(12);
        assertThat(pulseBox(page(session))).contains("checked");
    }

    private void save(RequestPostProcessor session, boolean pulseRounds) throws Exception {
        var post = MockMvcRequestBuilders.post("/settings/notifications")
                .with(session)
                .with(csrf())
                .param("checkInReminderHours", "12")
                .param("emailCheckInReminders", "true")
                .param("_emailPulseRounds", "on");
        if (pulseRounds) {
            post.param("emailPulseRounds", "true");
        }
        MvcResult saved = mvc.perform(post).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/settings/notifications");
    }

    /** The label of the pulse e-mail setting, with its checkbox. */
    private static String pulseBox(String page) {
        Matcher label = Pattern.compile(
                        "<label[^>]*>\\s*<input[^>]*name=\"emailPulseRounds\"[^>]*>.*?</label>", Pattern.DOTALL)
                .matcher(page);
        assertThat(label.find()).as("the pulse e-mail setting on the page").isTrue();
        return label.group();
    }

    @Test
    void aBadLeadTimeIsAMessageOnTheFormAndNothingIsSaved() throws Exception {
        Account admin = api.signUp();
        Account member = api.join(admin);
        RequestPostProcessor session = signIn(member);

        MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/settings/notifications")
                        .with(session)
                        .with(csrf())
                        .param("checkInReminderHours", "9999"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("class=\"error\"");
        assertThat(api.get(member.token(), "/api/v1/me/preferences")
                        .expect(200)
                        .json()
                        .get("checkInReminderHours")
                        .asInt())
                .isEqualTo(24);
    }

    @Test
    void theCalendarAddressIsShownOnceWhenMadeAndNotAfterwards() throws Exception {
        Account admin = api.signUp();
        Account member = api.join(admin);
        RequestPostProcessor session = signIn(member);

        MvcResult made = mvc.perform(MockMvcRequestBuilders.post("/settings/notifications/calendar")
                        .with(session)
                        .with(csrf()))
                .andReturn();
        String url = (String) made.getFlashMap().get("feedUrl");
        assertThat(url).contains("/calendar/cal_").endsWith(".ics");
        api.get(null, url.substring(url.indexOf("/calendar/"))).expect(200);

        String later = page(session);
        assertThat(later).contains("Your feed is on since").doesNotContain(url);

        mvc.perform(MockMvcRequestBuilders.post("/settings/notifications/calendar/off")
                        .with(session)
                        .with(csrf()))
                .andReturn();
        api.get(null, url.substring(url.indexOf("/calendar/"))).expect(404);
    }
}
