package dev.kept.people;

import dev.kept.shared.MorePages;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's pages to bring people in at scale: import a CSV file (upload, preview, apply), invite
 * many people at once, resend the invitations, and see who has not joined.
 */
@Controller
class PeopleImportPages {

    private static final int LONGEST_INVITATION_TEXT = 100_000;

    private final People people;
    private final PeopleImports imports;
    private final BulkInvitations invitations;
    private final Teams orgTeams;

    PeopleImportPages(People people, PeopleImports imports, BulkInvitations invitations, Teams orgTeams) {
        this.people = people;
        this.imports = imports;
        this.invitations = invitations;
        this.orgTeams = orgTeams;
    }

    @GetMapping("/people/import")
    String importPage(@AuthenticationPrincipal Caller caller, Model model) {
        people.requireAdmin(caller);
        showColumns(model);
        return "people/import";
    }

    @PostMapping("/people/import")
    String preview(
            @AuthenticationPrincipal Caller caller, @RequestParam(required = false) MultipartFile file, Model model) {
        people.requireAdmin(caller);
        showColumns(model);
        try {
            byte[] content = file == null ? new byte[0] : file.getBytes();
            model.addAttribute("preview", imports.previewAndKeep(caller, content));
        } catch (RuleViolationException unreadable) {
            model.addAttribute("fileProblem", unreadable.detail());
        } catch (IOException unreadable) {
            model.addAttribute("fileProblem", "The file could not be read; upload it again.");
        }
        return "people/import";
    }

    @PostMapping("/people/import/apply")
    String apply(
            @AuthenticationPrincipal Caller caller,
            @RequestParam UUID token,
            Model model,
            RedirectAttributes redirect) {
        try {
            ImportPreview applied = imports.applyKept(caller, token);
            redirect.addFlashAttribute("imported", applied);
            return "redirect:/people/import";
        } catch (RuleViolationException changedSince) {
            showColumns(model);
            model.addAttribute("fileProblem", changedSince.detail());
            return "people/import";
        }
    }

    @GetMapping("/people/invitations")
    String invitationsPage(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) UUID team,
            @RequestParam(required = false) String teamName,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        people.requireAdmin(caller);
        Teams.TeamFilter filter = orgTeams.teamFilter(caller, team, teamName);
        model.addAttribute("teamFilter", filter);
        MorePages.show(
                model, "pending", from -> invitations.notJoined(caller, filter.teamId(), from, Page.DEFAULT), cursor);
        if (htmx != null) {
            model.addAttribute("htmx", true);
            return "people/invitations :: more-pending";
        }
        showInvitations(caller, model, "");
        return "people/invitations";
    }

    @PostMapping("/people/invitations")
    String inviteMany(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false, defaultValue = "") String invitees,
            Model model,
            RedirectAttributes redirect) {
        people.requireAdmin(caller);
        try {
            if (invitees.length() > LONGEST_INVITATION_TEXT) {
                throw new RuleViolationException(
                        "TOO_MANY",
                        "invitees",
                        "At most " + invitations.mostAtOnce() + " people can be invited at once.");
            }
            BulkInvitation done = invitations.invite(caller, BulkInvitations.parseLines(invitees));
            redirect.addFlashAttribute("bulk", done);
            return "redirect:/people/invitations";
        } catch (RuleViolationException refused) {
            model.addAttribute("inviteProblem", refused.detail());
            model.addAttribute("teamFilter", new Teams.TeamFilter(null, "", null));
            MorePages.show(model, "pending", from -> invitations.notJoined(caller, null, from, Page.DEFAULT), null);
            showInvitations(caller, model, invitees);
            return "people/invitations";
        }
    }

    @PostMapping("/people/invitations/resend")
    String resendAll(@AuthenticationPrincipal Caller caller, RedirectAttributes redirect) {
        redirect.addFlashAttribute("resent", invitations.resendAll(caller));
        return "redirect:/people/invitations";
    }

    private void showInvitations(Caller caller, Model model, String invitees) {
        model.addAttribute("invitees", invitees);
        model.addAttribute("notJoined", invitations.notJoinedCount(caller));
        model.addAttribute("mostAtOnce", invitations.mostAtOnce());
        model.addAttribute("teamChoices", orgTeams.teamChoices(caller, "", dev.kept.shared.NamedChoice.MOST));
    }

    private static void showColumns(Model model) {
        List<String> columns =
                Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toList();
        model.addAttribute("columns", columns);
        model.addAttribute("mostRows", PeopleImports.MOST_ROWS);
    }
}
