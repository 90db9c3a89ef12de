package dev.kept.notifications;

import dev.kept.people.Caller;
import dev.kept.shared.MorePages;
import dev.kept.shared.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The in-app inbox as a page; {@link InboxApi} serves it over the API. */
@Controller
class InboxPages {

    private final Inbox inbox;

    InboxPages(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/notifications")
    String page(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        MorePages.show(model, "notices", from -> inbox.page(caller, from, Page.DEFAULT), cursor);
        if (htmx != null) {
            model.addAttribute("htmx", true);
            return "notifications/inbox :: more-notices";
        }
        // seen now: the page still marks them new this once, the count in the menu goes
        inbox.markAllRead(caller);
        return "notifications/inbox";
    }

    @PostMapping("/notifications/read")
    String markRead(@AuthenticationPrincipal Caller caller) {
        inbox.markAllRead(caller);
        return "redirect:/notifications";
    }
}
