package dev.kept.insights;

import dev.kept.insights.InsightViewers.Viewer;
import dev.kept.people.Caller;
import dev.kept.shared.Answers;
import dev.kept.shared.NeverAnswers;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The people an admin allows to see the organization's effect study, managed over the API as on its page. */
@Answers(
        status = 404,
        description = "The caller is not an admin of the organization: only admins see and change who may see the"
                + " study (as if it did not exist)")
@RestController
@RequestMapping("/api/v1/insights/organization/viewers")
@Tag(name = "Insights")
class InsightViewersApi {

    private static final String PERSON_REFUSED = "personId is not the id of a member of this organization: unknown,"
            + " of another organization, a guest's (the study is never shown to guests), or not an id at all"
            + " (reason UNKNOWN_PERSON, field personId)";

    private final InsightViewers viewers;

    InsightViewersApi(InsightViewers viewers) {
        this.viewers = viewers;
    }

    @GetMapping
    @Operation(
            summary = "The members an admin allowed to see the organization's effect study (admins always may), the"
                    + " most recently allowed first, a page at a time (admins)")
    ResponseEntity<PageAnswer<Viewer>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(viewers.viewers(caller, cursor, Page.limitOr(limit)), limit);
    }

    @NeverAnswers(409)
    @Answers(status = 422, description = PERSON_REFUSED)
    @PutMapping("/{personId}")
    @Operation(
            summary = "Allow a member to see the organization's effect study (admins); answers them as the list does."
                    + " Allowing someone already allowed changes nothing and answers the same")
    Viewer allow(
            @AuthenticationPrincipal Caller caller,
            @PathVariable @Parameter(schema = @Schema(type = "string", format = "uuid")) String personId) {
        return viewers.allowPerson(caller, personId);
    }

    @NeverAnswers(409)
    @Answers(status = 422, description = PERSON_REFUSED)
    @DeleteMapping("/{personId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "No longer allow a member to see the organization's effect study (admins); 204 whether or not"
                    + " they were allowed, so asking again answers the same")
    void withdraw(
            @AuthenticationPrincipal Caller caller,
            @PathVariable @Parameter(schema = @Schema(type = "string", format = "uuid")) String personId) {
        viewers.withdraw(caller, personId);
    }
}
