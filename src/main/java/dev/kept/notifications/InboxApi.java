package dev.kept.notifications;

import dev.kept.people.Caller;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The in-app inbox over the API. */
@RestController
@Tag(name = "Notifications")
class InboxApi {

    private final Inbox inbox;

    InboxApi(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "Your notifications, newest first, a page at a time; each says whether it was read")
    ResponseEntity<PageAnswer<Inbox.Notice>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(inbox.page(caller, cursor, Page.limitOr(limit)), limit);
    }

    @PostMapping("/api/v1/notifications/read")
    @Operation(summary = "Mark all your notifications read")
    Map<String, Integer> readAll(@AuthenticationPrincipal Caller caller) {
        return Map.of("marked", inbox.markAllRead(caller));
    }
}
