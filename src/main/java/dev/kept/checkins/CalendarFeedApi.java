package dev.kept.checkins;

import dev.kept.people.Caller;
import dev.kept.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calendar feed itself, at its secret address (no sign-in: calendar programs cannot sign in,
 * the token is the key), and the API to make a new address or turn the feed off.
 */
@RestController
@Tag(name = "Calendar feed")
class CalendarFeedApi {

    private static final MediaType CALENDAR =
            new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;

    CalendarFeedApi(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    record NewFeed(URI url) {}

    @GetMapping("/calendar/{file}")
    @Operation(summary = "A person's check-ins and due dates as iCalendar; an unknown or replaced token answers 404")
    ResponseEntity<String> feed(@PathVariable String file) {
        if (!file.endsWith(".ics")) {
            throw new NotFoundException("Calendar");
        }
        return feeds.ics(file.substring(0, file.length() - ".ics".length()))
                .map(ics -> ResponseEntity.ok()
                        .contentType(CALENDAR)
                        .cacheControl(CacheControl.noStore())
                        .header("X-Robots-Tag", "noindex")
                        .body(ics))
                .orElseThrow(() -> new NotFoundException("Calendar"));
    }

    @GetMapping("/api/v1/me/calendar-feed")
    @Operation(summary = "Whether the caller has a calendar feed (its address is shown only when made)")
    CalendarFeeds.Feed mine(@AuthenticationPrincipal Caller caller) {
        return feeds.feed(caller);
    }

    @PostMapping("/api/v1/me/calendar-feed")
    @Operation(summary = "Make a new secret address for the caller's calendar feed; the old one stops working")
    ResponseEntity<NewFeed> renew(@AuthenticationPrincipal Caller caller) {
        URI url = feeds.renew(caller);
        return ResponseEntity.created(URI.create("/api/v1/me/calendar-feed"))
                .cacheControl(CacheControl.noStore())
                .body(new NewFeed(url));
    }

    @DeleteMapping("/api/v1/me/calendar-feed")
    @Operation(summary = "Turn the caller's calendar feed off")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Caller caller) {
        feeds.revoke(caller);
        return ResponseEntity.noContent().build();
    }
}
