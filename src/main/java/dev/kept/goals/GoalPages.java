package dev.kept.goals;

import dev.kept.people.Caller;
import dev.kept.people.Teams;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.MorePages;
import dev.kept.shared.NamedChoice;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
    private final GoalLookup lookup;
    private final Teams orgTeams;

    GoalPages(Goals goals, GoalNegotiations negotiations, GoalLookup lookup, Teams orgTeams) {
        this.goals = goals;
        this.negotiations = negotiations;
        this.lookup = lookup;
        this.orgTeams = orgTeams;
    }

    /**
     * What the new-goal form sends; no team means an organization goal. The team and the larger
     * goal are named in search fields ({@code teamId} and {@code parentId} are read when no name is
     * sent, and {@code parentId} settles a title several goals have, see {@link GoalLookup}).
     */
    record GoalForm(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String why,
            @NotBlank @Size(max = 1000) String doneWhen,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate due,

            UUID teamId,
            @Size(max = NamedChoice.LONGEST_SEARCH) String teamName,
            UUID parentId,
            @Size(max = NamedChoice.LONGEST_SEARCH) String parentName) {}

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
        model.addAttribute(
                "form",
                new GoalForm(
                        "",
                        "",
                        "",
                        null,
                        null,
                        "",
                        parentId,
                        lookup.find(caller, parentId).map(NamedChoice::name).orElse("")));
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
        UUID team = null;
        UUID parent = null;
        try {
            team = orgTeams.teamNamedOrGiven(caller, form.teamName(), form.teamId(), "teamName");
            parent = lookup.goalNamedOrGiven(caller, form.parentName(), form.parentId(), "parentName");
        } catch (RuleViolationException unnamed) {
            unnamed.rejectOn(errors);
        }
        if (!errors.hasErrors()) {
            try {
                GoalView goal = goals.set(
                        caller, new GoalDraft(form.title(), form.why(), form.doneWhen(), form.due(), team, parent));
                redirect.addFlashAttribute("notice", "The goal is set.");
                return "redirect:/goals/" + goal.id();
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            } catch (ForbiddenException refused) {
                if (!formShown) {
                    throw refused;
                }
                errors.rejectValue("teamName", "FORBIDDEN", refused.getBody().getDetail());
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
                        && !negotiations.actedFor(caller, owners.keySet()).isEmpty());
        return "goals/detail";
    }

    /** A page of the commitments serving the goal; a cursor that does not parse starts over. */
    private void showCommitments(Caller caller, UUID id, String cursor, Model model) {
        MorePages.show(model, "commitments", from -> goals.serving(caller, id, from, Page.DEFAULT), cursor);
    }

    /**
     * A goal search field's matches for {@code q}: at most {@code limit} (and never more than
     * {@link NamedChoice#MOST}) {@code <option>}s, each goal's title hinted with its team; guests see
     * no goal.
     */
    @GetMapping("/goals/choices")
    String goalChoices(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Size(max = NamedChoice.LONGEST_SEARCH) String q,
            @RequestParam(required = false) @Min(1) @Max(NamedChoice.MOST) Integer limit,
            Model model) {
        model.addAttribute("choices", lookup.search(caller, q, NamedChoice.limitOr(limit)));
        return "fragments/picker :: options";
    }

    /**
     * What the field of the larger goal first offers, at most {@link NamedChoice#MOST}: the goal the
     * form holds, the goal whose level is shown and the goals of that level (a deeper goal is
     * reached by typing its title, by opening its level, or from its own page).
     */
    @SuppressWarnings("unchecked")
    private List<NamedChoice> parentChoices(Caller caller, Model model) {
        java.util.Map<UUID, NamedChoice> choices = new java.util.LinkedHashMap<>();
        if (model.getAttribute("form") instanceof GoalForm form && form.parentId() != null) {
            lookup.find(caller, form.parentId()).ifPresent(held -> choices.put(held.id(), held));
        }
        List<GoalView> shown = new java.util.ArrayList<>();
        if (model.getAttribute("parent") instanceof GoalView parent) {
            shown.add(parent);
        }
        ((List<Goals.Listed>) model.getAttribute("level")).forEach(listed -> shown.add(listed.goal()));
        for (GoalView goal : shown) {
            if (choices.size() == NamedChoice.MOST) {
                break;
            }
            choices.putIfAbsent(goal.id(), new NamedChoice(goal.id(), goal.title(), goal.teamName()));
        }
        return List.copyOf(choices.values());
    }

    /**
     * Puts the form's first choices in the model, a bounded few whatever the size of the
     * organization: the teams (an admin's own team first, or the ones a lead leads) and the goals
     * (the one the form holds first, then in the tree's order). Says whether the caller may set any
     * goal.
     */
    private boolean showForm(Caller caller, Model model) {
        boolean organization = goals.canSetOrganizationGoals(caller);
        List<NamedChoice> teams = organization
                ? orgTeams.teamChoices(caller, "", NamedChoice.MOST)
                : goals.teamsFor(caller).stream()
                        .limit(NamedChoice.MOST)
                        .map(team -> new NamedChoice(team.getId(), team.getName(), null))
                        .toList();
        model.addAttribute("canSetOrganizationGoals", organization);
        model.addAttribute("teamChoices", teams);
        model.addAttribute("parentChoices", parentChoices(caller, model));
        boolean formShown = organization || !teams.isEmpty();
        model.addAttribute("canSetGoals", formShown);
        return formShown;
    }
}
