package dev.kept.notifications;

import dev.kept.people.Caller;
import dev.kept.people.People;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin's view of the e-mails Kept sent or logged for the organization, except those between
 * partners (an outside partner's invitation), which are nobody else's business. With a mail server
 * an e-mail with a secret link (an invitation, a password reset) shows that it went out, to whom,
 * when and how it fared, never its body: the link would let the admin act as its recipient. Without
 * one (evaluation) the links are the only way to let people in, so they are shown, under a warning.
 */
@Controller
class OutboxPage {

    private final People people;
    private final OutgoingMailRepository outbox;
    private final ObjectProvider<JavaMailSender> smtp;

    OutboxPage(People people, OutgoingMailRepository outbox, ObjectProvider<JavaMailSender> smtp) {
        this.people = people;
        this.outbox = outbox;
        this.smtp = smtp;
    }

    @GetMapping("/admin/outbox")
    String outbox(@AuthenticationPrincipal Caller caller, Model model) {
        people.requireAdmin(caller);
        model.addAttribute(
                "mails",
                outbox.findTop100ByOrganizationIdAndConfidentialFalseOrderByCreatedAtDesc(caller.organizationId()));
        model.addAttribute("mailServer", smtp.getIfAvailable() != null);
        return "notifications/outbox";
    }
}
