package dev.kept.notifications;

import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.shared.Cursor;
import dev.kept.shared.MorePages;
import dev.kept.shared.Page;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

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

    /** How many e-mails one page shows: they are long. */
    static final int PER_PAGE = 25;

    private static final Cursor NEWEST =
            new Cursor(Instant.parse("9999-12-31T23:59:59Z").toString(), new UUID(-1, -1));

    @GetMapping("/admin/outbox")
    String outbox(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        people.requireAdmin(caller);
        MorePages.show(model, "mails", from -> page(caller, from), cursor);
        model.addAttribute("mailServer", smtp.getIfAvailable() != null);
        return htmx != null && cursor != null ? "notifications/outbox :: more-mails" : "notifications/outbox";
    }

    private Page<OutgoingMail> page(Caller caller, String cursor) {
        Cursor after = Cursor.orStart(cursor, Instant::parse, NEWEST);
        List<OutgoingMail> rows =
                outbox.pageOf(caller.organizationId(), Instant.parse(after.position()), after.id(), PER_PAGE + 1);
        return Page.of(rows, PER_PAGE, last -> new Cursor(last.getCreatedAt().toString(), last.getId()));
    }
}
