package dev.kept.recognition;

import dev.kept.people.Caller;
import dev.kept.shared.Answers;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Thanks (kudos) over the API. */
@Answers(
        status = 404,
        description = "There is nothing at this address, or nothing the caller may see; a guest sees no thanks at all")
@RestController
@RequestMapping("/api/v1/kudos")
@Tag(name = "Thanks")
class KudosApi {

    private final Kudos kudos;

    KudosApi(Kudos kudos) {
        this.kudos = kudos;
    }

    @PostMapping
    @Operation(
            summary = "Thank a person (toPersonId) or a team (toTeamId), optionally for a GOAL or COMMITMENT"
                    + " (forType, forId) they helped with")
    ResponseEntity<KudosView> give(@AuthenticationPrincipal Caller caller, @Valid @RequestBody KudosDraft draft) {
        KudosView given = kudos.give(caller, draft);
        return ResponseEntity.created(URI.create("/api/v1/kudos/" + given.id())).body(given);
    }

    @GetMapping
    @Operation(summary = "The thanks you may see, newest first, a page at a time; teamId: given to or by that team")
    ResponseEntity<PageAnswer<KudosView>> feed(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) UUID teamId,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(kudos.feed(caller, teamId, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One thanks")
    KudosView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return kudos.get(caller, id);
    }
}
