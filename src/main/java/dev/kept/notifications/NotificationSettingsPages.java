package dev.kept.notifications;

import dev.kept.checkins.CalendarFeeds;
import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Preferences;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page every e-mail links to: when check-in reminders come, which reminders and pulse rounds
 * also come by e-mail, the weekly digest, and the secret calendar feed (its address shown once,
 * when made).
 */
@Controller
class NotificationSettingsPages {

    private final People people;
    private final Accounts accounts;
    private final CalendarFeeds feeds;

    NotificationSettingsPages(People people, Accounts accounts, CalendarFeeds feeds) {
        this.people = people;
        this.accounts = accounts;
        this.feeds = feeds;
    }

    /** The form: a checkbox left out of a post (unchecked) means "no". */
    record PreferencesForm(
            @NotNull @Min(1) @Max(168) Integer checkInReminderHours,
            Boolean emailCheckInReminders,
            Boolean emailDueReminders,
            Boolean emailOverdueReminders,
            Boolean weeklyDigest,
            Boolean emailPulseRounds) {

        static PreferencesForm of(Preferences p) {
            return new PreferencesForm(
                    p.checkInReminderHours(),
                    p.emailCheckInReminders(),
                    p.emailDueReminders(),
                    p.emailOverdueReminders(),
                    p.weeklyDigest(),
                    p.emailPulseRounds());
        }

        Preferences preferences() {
            return new Preferences(
                    checkInReminderHours,
                    Boolean.TRUE.equals(emailCheckInReminders),
                    Boolean.TRUE.equals(emailDueReminders),
                    Boolean.TRUE.equals(emailOverdueReminders),
                    Boolean.TRUE.equals(weeklyDigest),
                    Boolean.TRUE.equals(emailPulseRounds));
        }
    }

    @GetMapping("/settings/notifications")
    String settings(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("form", PreferencesForm.of(accounts.preferences(caller)));
        return page(caller, model);
    }

    @PostMapping("/settings/notifications")
    String save(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") PreferencesForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(caller, model);
        }
        accounts.updatePreferences(caller, form.preferences());
        redirect.addFlashAttribute("notice", "Your reminder preferences are saved.");
        return "redirect:/settings/notifications";
    }

    @PostMapping("/settings/notifications/calendar")
    String renewFeed(@AuthenticationPrincipal Caller caller, RedirectAttributes redirect) {
        redirect.addFlashAttribute("feedUrl", feeds.renew(caller).toString());
        redirect.addFlashAttribute("notice", "Your new calendar address is below; any earlier one no longer works.");
        return "redirect:/settings/notifications";
    }

    @PostMapping("/settings/notifications/calendar/off")
    String revokeFeed(@AuthenticationPrincipal Caller caller, RedirectAttributes redirect) {
        feeds.revoke(caller);
        redirect.addFlashAttribute("notice", "Your calendar feed is off; its address no longer works.");
        return "redirect:/settings/notifications";
    }

    private String page(Caller caller, Model model) {
        CalendarFeeds.Feed feed = feeds.feed(caller);
        model.addAttribute("feed", feed);
        if (feed.active()) {
            java.time.ZoneId zone = java.time.ZoneId.of(people.me(caller).getTimeZone());
            model.addAttribute(
                    "feedSince",
                    java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
                            .format(feed.createdAt().atZone(zone)));
        }
        model.addAttribute("hours", java.util.List.of(1, 2, 4, 12, 24, 48, 72, 168));
        return "notifications/settings";
    }
}
