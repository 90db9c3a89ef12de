package dev.kept.insights;

import dev.kept.people.Caller;
import dev.kept.shared.Answers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Track records over the API: JSON, or the same figures as CSV when the request asks for {@code
 * text/csv} before JSON in its {@code Accept} header.
 */
@RestController
@Tag(name = "Insights")
class TrackRecordApi {

    private static final String DEFINITIONS = " Kept rate: kept out of closed commitments that were not dropped"
            + " (a dropped commitment was let go, mostly by agreement: neither kept nor broken). On-time rate: kept"
            + " with the closing day, in the owner's time zone, on or before the due date then in force, out of the"
            + " same. Renegotiated before due: out of all closed, those with a renegotiation the other side accepted"
            + " on or before the due date it changed. Every rate comes with its 95 % Wilson interval; 'enough' is"
            + " false below 10. months: the last 1 to 36 calendar months, this one included (default 12); the months"
            + " are those of closing.";

    private final TrackRecords records;

    TrackRecordApi(TrackRecords records) {
        this.records = records;
    }

    @GetMapping("/api/v1/insights/me")
    @Operation(
            summary = "The caller's own track record: kept, on-time and renegotiated-before-due rates in total and"
                    + " per month, open commitments at risk now, check-in streak and consistency over 90 days (held"
                    + " out of held, skipped and not recorded two days after the start), and the challenges partners"
                    + " made and how they ended." + DEFINITIONS)
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = PersonRecord.class)),
                @Content(mediaType = "text/csv")
            })
    @Answers(status = 400, description = "months is not a whole number from 1 to 36")
    @Answers(status = 404, description = "A guest has no insights")
    ResponseEntity<?> mine(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) Integer months,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        PersonRecord record = records.person(caller, months);
        return wantsCsv(accept)
                ? TrackRecordPages.download("kept-insights.csv", TrackRecordCsv.person(record))
                : ResponseEntity.ok(record);
    }

    @GetMapping("/api/v1/insights/teams/{id}")
    @Operation(
            summary = "A team's track record, for its members and lead: rates in total and per month, at risk now,"
                    + " its goals and the commitments serving them, thanks and help across teams, and the everyday"
                    + " moves of the last 12 weeks. Counted from its current members' commitments the viewer sees"
                    + " through the team (organization-wide ones, and team ones for a member: 'counted'), never"
                    + " anyone's private or partners-only ones; offers of help to or by single members only for a"
                    + " team of at least 5." + DEFINITIONS)
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = TeamRecord.class)),
                @Content(mediaType = "text/csv")
            })
    @Answers(status = 400, description = "months is not a whole number from 1 to 36")
    @Answers(status = 404, description = "No such team, or the caller is neither its member nor its lead")
    ResponseEntity<?> team(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer months,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        TeamRecord record = records.team(caller, id, months);
        return wantsCsv(accept)
                ? TrackRecordPages.download("kept-team-insights.csv", TrackRecordCsv.team(record))
                : ResponseEntity.ok(record);
    }

    /** Whether text/csv comes before any JSON the client accepts (by quality, then order). */
    static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
        types.sort(
                java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
