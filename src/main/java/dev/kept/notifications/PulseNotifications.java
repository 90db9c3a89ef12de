package dev.kept.notifications;

import dev.kept.people.Accounts;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.Preferences;
import dev.kept.people.Teams;
import dev.kept.pulse.PulseRoundOpened;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Asks the members of a pulse's teams to answer its new round, in the app, and by e-mail unless
 * they turned that off in their preferences, with the link to the form. It says the answers are
 * anonymous; it never says who has answered.
 */
@Component
class PulseNotifications {

    private final Inbox inbox;
    private final MailDelivery mail;
    private final Teams teams;
    private final People people;
    private final Accounts accounts;
    private final String baseUrl;

    PulseNotifications(
            Inbox inbox,
            MailDelivery mail,
            Teams teams,
            People people,
            Accounts accounts,
            @Value("${kept.base-url:http://localhost:8080}") String baseUrl) {
        this.inbox = inbox;
        this.mail = mail;
        this.teams = teams;
        this.people = people;
        this.accounts = accounts;
        this.baseUrl = baseUrl;
    }

    @ApplicationModuleListener
    void on(PulseRoundOpened opened) {
        List<UUID> members = teams.teamMemberIds(opened.organizationId(), opened.teamIds(), true);
        String link = "/pulse/rounds/" + opened.roundId();
        String text = "The pulse \"" + opened.title() + "\" is open until "
                + opened.closesOn().minusDays(1) + ": a few questions, answered anonymously.";
        Map<UUID, Preferences> preferences = accounts.preferencesOf(opened.organizationId(), members);
        for (Person person : people.peopleIn(opened.organizationId(), members).values()) {
            if (!person.isActive() || person.isGuest()) {
                continue;
            }
            String key = "pulse:" + opened.roundId() + ":" + person.getId();
            inbox.tell(opened.organizationId(), person.getId(), key, "PULSE_OPENED", text, link);
            if (!preferences.getOrDefault(person.getId(), Preferences.DEFAULTS).emailPulseRounds()) {
                continue;
            }
            String body = "A new round of the pulse \"" + opened.title() + "\" is open until "
                    + opened.closesOn().minusDays(1) + ".\n\nA few questions on how your team works together,"
                    + " each answered from 1 to 5, and a comment if you like. Your answers are anonymous:"
                    + " they are kept without your name, and results show only for groups large enough"
                    + " that nobody can be singled out.\n\nAnswer here: " + baseUrl + link + "\n";
            mail.deliver(opened.organizationId(), key, new Mail(person.getEmail(), "Pulse: " + opened.title(), body));
        }
    }
}
