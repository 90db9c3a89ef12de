package dev.kept.goals;

import dev.kept.people.Caller;
import dev.kept.people.Team;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.MorePages;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The goal pages: the tree of the organization's goals (with the form to set one) and one goal. */
@Controller
class GoalPages {

    private final Goals goals;
    private final GoalNegotiations negotiations;

    GoalPages(Goals goals, GoalNegotiations negotiations) {
        this.goals = goals;
        this.negotiations = negotiations;
    }

    /** What the new-goal form sends; no team means an organization goal. */
    record GoalForm(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String why,
            @NotBlank @Size(max = 1000) String doneWhen,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate due,

            UUID teamId,
            UUID parentId) {}

    @GetMapping("/goals")
    String tree(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) UUID parentId,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        showLevel(caller, parentId, cursor, model);
        if (htmx != null && (cursor != null || parentId != null)) {
            return cursor != null ? "goals/list :: more-goals" : "goals/list :: level";
        }
        model.addAttribute("form", new GoalForm("", "", "", null, null, parentId));
        showForm(caller, model);
        return "goals/list";
    }

    /**
     * One level of the tree: the top-level goals, or the goals directly beneath {@code parentId},
     * from {@code cursor} on (one that does not parse starts over).
     */
    private void showLevel(Caller caller, UUID parentId, String cursor, Model model) {
        MorePages.show(model, "level", from -> goals.beneath(caller, parentId, from, Page.DEFAULT), cursor);
        model.addAttribute("levelId", parentId == null ? "goals-top" : "goals-beneath-" + parentId);
        model.addAttribute("parent", parentId == null ? null : goals.one(caller, parentId));
    }

    @PostMapping("/goals")
    String set(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") GoalForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        showLevel(caller, null, null, model);
        boolean formShown = showForm(caller, model);
        if (!errors.hasErrors()) {
            try {
                GoalView goal = goals.set(
                        caller,
                        new GoalDraft(
                                form.title(), form.why(), form.doneWhen(), form.due(), form.teamId(), form.parentId()));
                redirect.addFlashAttribute("notice", "The goal is set.");
                return "redirect:/goals/" + goal.id();
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            } catch (ForbiddenException refused) {
                if (!formShown) {
                    throw refused;
                }
                errors.rejectValue("teamId", "FORBIDDEN", refused.getBody().getDetail());
            }
        }
        return "goals/list";
    }

    @GetMapping("/goals/{id}")
    String detail(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        if (htmx != null && cursor != null) {
            showCommitments(caller, id, cursor, model);
            return "goals/detail :: more-commitments";
        }
        GoalDetail detail = goals.get(caller, id);
        if (cursor == null) {
            Page<ServingCommitment> first = new Page<>(
                    detail.commitments().items(), detail.commitments().next());
            model.addAttribute("commitments", first.items());
            model.addAttribute("moreHref", PageAnswer.moreHref(first));
        } else {
            showCommitments(caller, id, cursor, model);
        }
        Page<NegotiationView> proposalPage = negotiations.of(caller, id, null, Page.DEFAULT);
        List<NegotiationView> proposals = proposalPage.items();
        model.addAttribute("moreProposals", proposalPage.hasNext());
        java.util.Map<UUID, String> owners = negotiations.owners(caller.organizationId(), id);
        model.addAttribute("detail", detail);
        model.addAttribute(
                "canSetGoals",
                goals.canSetOrganizationGoals(caller) || !goals.teamsFor(caller).isEmpty());
        model.addAttribute("proposals", proposals);
        model.addAttribute(
                "canPropose",
                detail.goal().teamId() != null
                        && proposals.stream().noneMatch(p -> "OPEN".equals(p.status()))
                        && negotiations.teamsActedFor(caller).stream()
                                .anyMatch(team -> owners.containsKey(team.getId())));
        return "goals/detail";
    }

    /** A page of the commitments serving the goal; a cursor that does not parse starts over. */
    private void showCommitments(Caller caller, UUID id, String cursor, Model model) {
        MorePages.show(model, "commitments", from -> goals.serving(caller, id, from, Page.DEFAULT), cursor);
    }

    /**
     * The goals a new goal may be set beneath, as many as the page shows: the goal whose level is
     * shown and the goals of that level (a deeper goal is reached by opening its level, or from its
     * own page), and the goal the form names if it is not among them.
     */
    @SuppressWarnings("unchecked")
    private List<GoalView> parentChoices(Caller caller, Model model) {
        List<GoalView> choices = new java.util.ArrayList<>();
        if (model.getAttribute("parent") instanceof GoalView parent) {
            choices.add(parent);
        }
        ((List<Goals.Listed>) model.getAttribute("level")).forEach(listed -> choices.add(listed.goal()));
        if (model.getAttribute("form") instanceof GoalForm form
                && form.parentId() != null
                && choices.stream().noneMatch(choice -> choice.id().equals(form.parentId()))) {
            goals.find(caller, form.parentId()).ifPresent(choices::add);
        }
        return choices;
    }

    /** Puts the form's choices in the model; says whether the caller may set any goal. */
    private boolean showForm(Caller caller, Model model) {
        boolean organization = goals.canSetOrganizationGoals(caller);
        List<Team> teams = goals.teamsFor(caller);
        model.addAttribute("canSetOrganizationGoals", organization);
        model.addAttribute("teamChoices", teams);
        model.addAttribute("parentChoices", parentChoices(caller, model));
        boolean formShown = organization || !teams.isEmpty();
        model.addAttribute("canSetGoals", formShown);
        return formShown;
    }
}
