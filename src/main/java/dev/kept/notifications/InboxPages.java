package dev.kept.notifications;

import dev.kept.people.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The in-app inbox, as a page and over the API. */
@Controller
@Tag(name = "Notifications")
class InboxPages {

    private static final int SHOWN = 100;

    private final Inbox inbox;

    InboxPages(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/notifications")
    String page(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("notices", inbox.of(caller, SHOWN));
        // seen now: the page still marks them new this once, the count in the menu goes
        inbox.markAllRead(caller);
        return "notifications/inbox";
    }

    @PostMapping("/notifications/read")
    String markRead(@AuthenticationPrincipal Caller caller) {
        inbox.markAllRead(caller);
        return "redirect:/notifications";
    }

    @GetMapping("/api/v1/notifications")
    @ResponseBody
    @Operation(summary = "Your newest notifications (up to 100), unread first")
    List<Inbox.Notice> list(@AuthenticationPrincipal Caller caller) {
        return inbox.of(caller, SHOWN);
    }

    @PostMapping("/api/v1/notifications/read")
    @ResponseBody
    @Operation(summary = "Mark all your notifications read")
    Map<String, Integer> readAll(@AuthenticationPrincipal Caller caller) {
        return Map.of("marked", inbox.markAllRead(caller));
    }
}
