package dev.kept.people;

import dev.kept.shared.Answers;
import dev.kept.shared.NeverAnswers;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bringing a whole organization in over the API: a CSV import of people, and invitations at scale. */
@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People and teams")
class PeopleImportApi {

    private static final String COLUMNS = """
            The file is UTF-8 CSV (a byte order mark is allowed), at most 5000 people and the server's request \
            size limit. Its first row names the columns, in any order, any case: email (required: it identifies \
            the person), name (required for a new person), title, team (by name; a name no team has forms a new \
            team), manager (the manager's e-mail: someone in the organization or in the file, in any row), role \
            (MEMBER or ADMIN), region, level (1 to 20). A column left out leaves that field as it is; an empty \
            cell clears it (an empty name or role leaves it as it is). \
            """;

    private static final List<MediaType> CSV_TYPES =
            List.of(MediaType.parseMediaType("text/csv"), MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM);

    private final PeopleImports imports;
    private final BulkInvitations invitations;

    PeopleImportApi(PeopleImports imports, BulkInvitations invitations) {
        this.imports = imports;
        this.invitations = invitations;
    }

    @Answers(
            status = 422,
            description = "The file cannot be read (reason CSV_EMPTY, CSV_NO_ROWS, CSV_ENCODING, CSV_MALFORMED,"
                    + " CSV_UNKNOWN_COLUMN, CSV_DUPLICATE_COLUMN, CSV_NO_EMAIL_COLUMN, CSV_TOO_MANY_ROWS), or, to"
                    + " apply, a row has a problem (IMPORT_HAS_PROBLEMS: nothing was imported)")
    @NeverAnswers(409)
    @PostMapping("/import")
    @Operation(
            summary = "Import people from a CSV file (admin): with dryRun=true, what it would do, row by row;"
                    + " without, apply it",
            description = COLUMNS
                    + "Each row answers its action: CREATE (the person is created and invited), UPDATE (with the"
                    + " fields it changes), UNCHANGED, or ERROR (with its problems: row number, column, reason,"
                    + " message). A file is applied only when no row has a problem, all of it at once; the same"
                    + " file imported again changes nothing.")
    ImportPreview importPeople(
            @AuthenticationPrincipal Caller caller,
            @Parameter(description = "true: only tell what importing the file would do")
                    @RequestParam(required = false, defaultValue = "false")
                    boolean dryRun,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) MediaType type,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "the CSV file",
                            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
                    @RequestBody(required = false)
                    byte[] file)
            throws HttpMediaTypeNotSupportedException {
        // checked here rather than by the mapping, so that a wrong type is answered as a problem document
        if (type != null && CSV_TYPES.stream().noneMatch(csv -> csv.includes(type))) {
            throw new HttpMediaTypeNotSupportedException(type, CSV_TYPES);
        }
        return dryRun ? imports.preview(caller, file) : imports.apply(caller, file);
    }

    record Invitee(
            @Size(max = 120) String name,
            @NotNull @Size(max = 254) String email) {}

    record InvitationsBody(@NotNull @Valid List<Invitee> people) {}

    @NeverAnswers(409)
    @PostMapping("/invitations")
    @Operation(
            summary = "Invite many people at once (admin), at most 500: each is created and e-mailed an invitation",
            description = "A name may be left out (the address's part before @ is used). An address that is not"
                    + " one refuses the whole list (422, reason INVITEES, every bad entry in errors, named"
                    + " \"line n\" from 1). An address given twice, or of someone already in the organization, is"
                    + " left out and listed in skipped with a reason: DUPLICATE, MEMBER, INVITED (resend theirs"
                    + " instead) or GUEST.")
    BulkInvitation invite(@AuthenticationPrincipal Caller caller, @Valid @RequestBody InvitationsBody body) {
        List<BulkInvitation.Invitee> invitees = new ArrayList<>();
        for (int i = 0; i < body.people().size(); i++) {
            Invitee invitee = body.people().get(i);
            invitees.add(new BulkInvitation.Invitee(i + 1, invitee.name(), invitee.email()));
        }
        return invitations.invite(caller, invitees);
    }

    @NeverAnswers(409)
    @PostMapping("/invitations/resend")
    @Operation(
            summary = "Send a new invitation to everyone who has not joined (admin)",
            description = "Leaves out those sent an invitation within the last hour, and sends at most 500 at"
                    + " once: the answer tells how many were sent, left as sent recently, and still waiting for"
                    + " the next call. Earlier links stop working. POST /people/{id}/invitation resends one.")
    ResendSummary resendAll(@AuthenticationPrincipal Caller caller) {
        return invitations.resendAll(caller);
    }

    @GetMapping("/invited")
    @Operation(
            summary = "The members invited who have not joined yet (admin), newest first, a page at a time, each"
                    + " with when they were invited and last sent an invitation; team: a team's id")
    ResponseEntity<PageAnswer<PendingInvitation>> invited(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) UUID team,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(invitations.notJoined(caller, team, cursor, Page.limitOr(limit)), limit);
    }
}
