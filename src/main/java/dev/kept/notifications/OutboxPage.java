package dev.kept.notifications;

import dev.kept.people.Caller;
import dev.kept.people.People;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin's view of the e-mails Kept sent or logged for the organization, except those between
 * partners (an outside partner's invitation), which are nobody else's business.
 */
@Controller
class OutboxPage {

    private final People people;
    private final OutgoingMailRepository outbox;

    OutboxPage(People people, OutgoingMailRepository outbox) {
        this.people = people;
        this.outbox = outbox;
    }

    @GetMapping("/admin/outbox")
    String outbox(@AuthenticationPrincipal Caller caller, Model model) {
        people.requireAdmin(caller);
        model.addAttribute(
                "mails",
                outbox.findTop100ByOrganizationIdAndConfidentialFalseOrderByCreatedAtDesc(caller.organizationId()));
        return "notifications/outbox";
    }
}
