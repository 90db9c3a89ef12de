package dev.kept.decisions;

import dev.kept.people.Caller;
import dev.kept.people.TeamField;
import dev.kept.people.Teams;
import dev.kept.shared.MorePages;
import dev.kept.shared.NamedChoice;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The decision pages: the notes, the form to record one, and one note with its comments. */
@Controller
class DecisionPages {

    static final int MOST_OPTIONS = 10;
    static final int LONGEST_OPTION = 500;

    private final Decisions decisions;

    DecisionPages(Decisions decisions) {
        this.decisions = decisions;
    }

    /**
     * What the form sends: the options one per line, the teams as checked boxes and, in its search
     * field, the name of one more.
     */
    record DecisionForm(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 4000) String decision,
            @NotBlank @Size(max = 6000) String options,
            @NotBlank @Size(max = 4000) String servesOrganization,
            List<UUID> teamIds,
            @Size(max = NamedChoice.LONGEST_SEARCH) String teamName) {}

    record CommentForm(@NotBlank @Size(max = 2000) String text) {}

    @GetMapping("/decisions")
    String list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) UUID teamId,
            @RequestParam(required = false) String teamName,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Teams.TeamFilter affecting = decisions.teamFilter(caller, teamId, teamName);
        MorePages.show(
                model, "decisions", from -> decisions.list(caller, affecting.teamId(), from, Page.DEFAULT), cursor);
        if (htmx != null && cursor != null) {
            return "teams/decision-list :: more-decisions";
        }
        model.addAttribute("teamChoices", decisions.firstTeamChoices(caller));
        model.addAttribute("teamFilter", affecting);
        return "teams/decision-list";
    }

    @GetMapping("/decisions/new")
    String form(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute(TeamField.ATTRIBUTE, decisions.teamField(caller, List.of(), null));
        model.addAttribute("form", new DecisionForm("", "", "", "", List.of(), ""));
        return "teams/decision-new";
    }

    @PostMapping("/decisions")
    String record(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") DecisionForm form,
            BindingResult errors,
            @RequestParam(required = false) String addTeam,
            Model model,
            RedirectAttributes redirect) {
        TeamField affected = decisions.teamField(caller, form.teamIds(), form.teamName());
        if (affected.showOn(model, errors, addTeam != null)) {
            return "teams/decision-new";
        }
        List<String> options = options(form.options());
        if (options.size() > MOST_OPTIONS) {
            errors.rejectValue("options", "TOO_MANY", "Name at most " + MOST_OPTIONS + " options, one per line.");
        } else if (options.stream().anyMatch(option -> option.length() > LONGEST_OPTION)) {
            errors.rejectValue("options", "TOO_LONG", "Each option has at most " + LONGEST_OPTION + " characters.");
        }
        if (affected.ids().isEmpty()) {
            errors.rejectValue("teamIds", "NONE", "Choose at least one team it affects.");
        }
        if (!errors.hasErrors()) {
            try {
                DecisionView recorded = decisions.record(
                        caller,
                        new DecisionDraft(
                                form.title(), form.decision(), options, form.servesOrganization(), affected.ids()));
                redirect.addFlashAttribute("notice", "The decision is recorded; the teams it affects are told.");
                return "redirect:/decisions/" + recorded.id();
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        return "teams/decision-new";
    }

    @GetMapping("/decisions/{id}")
    String detail(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        model.addAttribute("note", decisions.get(caller, id));
        model.addAttribute("form", new CommentForm(""));
        return "teams/decision-detail";
    }

    @PostMapping("/decisions/{id}/comments")
    String comment(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") CommentForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            // the page shows no comment form to those who may not comment: their 403 stays a 403
            decisions.comment(caller, id, form.text());
            redirect.addFlashAttribute("notice", "Your comment is posted.");
            return "redirect:/decisions/" + id;
        }
        model.addAttribute("note", decisions.get(caller, id));
        return "teams/decision-detail";
    }

    private static List<String> options(String typed) {
        List<String> options = new ArrayList<>();
        if (typed != null) {
            for (String line : typed.split("\\R")) {
                if (!line.isBlank()) {
                    options.add(line.strip());
                }
            }
        }
        return options;
    }
}
