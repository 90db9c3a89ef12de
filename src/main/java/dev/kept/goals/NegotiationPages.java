package dev.kept.goals;

import dev.kept.people.Caller;
import dev.kept.people.TeamField;
import dev.kept.people.Teams;
import dev.kept.shared.NamedChoice;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of a co-owned goal's negotiation: proposing the goal to other teams (first choose the
 * teams, then the terms and what each team contributes), and one proposal with the terms on the
 * table, where each team stands, its history, and the answers the viewer may give for a team.
 */
@Controller
class NegotiationPages {

    /** The search field of the teams to ask, on the first step's form. */
    static final String INVITED_NAME = "invitedName";

    private final GoalNegotiations negotiations;
    private final Goals goals;
    private final Teams orgTeams;

    NegotiationPages(GoalNegotiations negotiations, Goals goals, Teams orgTeams) {
        this.negotiations = negotiations;
        this.goals = goals;
        this.orgTeams = orgTeams;
    }

    /**
     * Terms as the forms send them: contributions as two lists in the same order, the team each
     * contribution is for and the text. On a proposal {@code invited} holds the teams asked.
     */
    record TermsForm(
            UUID teamId,
            @Size(max = ProposalDraft.MOST_INVITED) List<UUID> invited,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String why,
            @NotBlank @Size(max = 1000) String doneWhen,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate due,

            List<UUID> teamIds,
            List<@Size(max = 1000) String> contributions,
            @Size(max = 1000) String note) {

        public Map<UUID, String> contributionMap() {
            Map<UUID, String> map = new LinkedHashMap<>();
            List<UUID> teams = teamIds == null ? List.of() : teamIds;
            for (int i = 0; i < teams.size(); i++) {
                map.put(teams.get(i), contributions != null && i < contributions.size() ? contributions.get(i) : "");
            }
            return map;
        }
    }

    record AnswerForm(
            UUID teamId, Integer round, @Size(max = 1000) String reason) {}

    @GetMapping("/goals/{id}/proposals/new")
    String propose(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(name = "invited", required = false) List<UUID> invited,
            @RequestParam(name = INVITED_NAME, required = false) String invitedName,
            Model model) {
        GoalDetail detail = goals.get(caller, id);
        GoalView goal = detail.goal();
        model.addAttribute(
                "form",
                new TermsForm(
                        null,
                        invited == null ? List.of() : invited,
                        goal.title(),
                        goal.why(),
                        goal.doneWhen(),
                        goal.due(),
                        List.of(),
                        List.of(),
                        null));
        return showProposeForm(caller, detail, invited, invitedName, model);
    }

    @PostMapping("/goals/{id}/proposals")
    String proposed(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") TermsForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        List<UUID> invited = form.invited() == null ? List.of() : form.invited();
        if (!errors.hasErrors()) {
            try {
                NegotiationView proposal = negotiations.propose(
                        caller,
                        id,
                        new ProposalDraft(
                                form.teamId(),
                                invited,
                                form.title(),
                                form.why(),
                                form.doneWhen(),
                                form.due(),
                                form.contributionMap(),
                                form.note()));
                redirect.addFlashAttribute(
                        "notice", "Proposed: the other teams are asked to accept, counter or decline.");
                return "redirect:/goals/" + id + "/proposals/" + proposal.id();
            } catch (RuleViolationException broken) {
                if ("invitedTeamIds".equals(broken.field())) {
                    // the form sends the teams asked as "invited"
                    errors.rejectValue("invited", broken.reason(), broken.detail());
                } else {
                    broken.rejectOn(errors);
                }
            } catch (ErrorResponseException refused) {
                errors.reject("REFUSED", refused.getBody().getDetail());
            }
        }
        return showProposeForm(caller, goals.get(caller, id), invited, null, model);
    }

    /**
     * The two steps of a proposal: the teams asked (those ticked and the one typed, never a team
     * that owns the goal already), then, once there are some, the terms with a contribution for
     * each team: the goal's own teams first, then those asked.
     */
    private String showProposeForm(
            Caller caller, GoalDetail detail, List<UUID> invited, String invitedName, Model model) {
        Map<UUID, String> owners =
                negotiations.owners(caller.organizationId(), detail.goal().id());
        TeamField asked = orgTeams.teamField(caller, invited, invitedName, INVITED_NAME, ProposalDraft.MOST_INVITED)
                .refusing(owners.keySet(), "ALREADY_OWNER", "That team owns this goal already.");
        List<NamedChoice> parties = new ArrayList<>(orgTeams.teamsIn(caller, owners.keySet()));
        List<UUID> actedFor = negotiations.actedFor(caller, owners.keySet());
        List<NamedChoice> actsFor =
                parties.stream().filter(team -> actedFor.contains(team.id())).toList();
        parties.addAll(asked.teams());
        model.addAttribute("given", ((TermsForm) model.getAttribute("form")).contributionMap());
        model.addAttribute("detail", detail);
        model.addAttribute("actsFor", actsFor);
        model.addAttribute(TeamField.ATTRIBUTE, asked);
        model.addAttribute("chosen", asked.teams());
        model.addAttribute("parties", parties);
        return "goals/propose";
    }

    @GetMapping("/goals/{id}/proposals/{proposal}")
    String proposal(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID proposal, Model model) {
        NegotiationView view = negotiations.get(caller, id, proposal);
        NegotiationView.TermsView terms = view.terms();
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new TermsForm(
                            null,
                            List.of(),
                            terms.title(),
                            terms.why(),
                            terms.doneWhen(),
                            terms.due(),
                            terms.contributions().stream()
                                    .map(NegotiationView.Contribution::teamId)
                                    .toList(),
                            terms.contributions().stream()
                                    .map(NegotiationView.Contribution::contribution)
                                    .toList(),
                            null));
        }
        model.addAttribute("given", ((TermsForm) model.getAttribute("form")).contributionMap());
        model.addAttribute("proposal", view);
        model.addAttribute("goal", goals.get(caller, id).goal());
        return "goals/proposal";
    }

    @PostMapping("/goals/{id}/proposals/{proposal}/counter")
    String counter(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID proposal,
            @Valid @ModelAttribute("form") TermsForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                negotiations.counter(
                        caller,
                        id,
                        proposal,
                        new CounterDraft(
                                form.teamId(),
                                form.title(),
                                form.why(),
                                form.doneWhen(),
                                form.due(),
                                form.contributionMap(),
                                form.note()));
                redirect.addFlashAttribute("notice", "Your terms are on the table: the other teams are asked again.");
                return "redirect:/goals/" + id + "/proposals/" + proposal;
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            } catch (ErrorResponseException refused) {
                errors.reject("REFUSED", refused.getBody().getDetail());
            }
        }
        model.addAttribute("counterOpen", true);
        return proposal(caller, id, proposal, model);
    }

    @PostMapping("/goals/{id}/proposals/{proposal}/accept")
    String accept(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID proposal,
            @ModelAttribute AnswerForm form,
            RedirectAttributes redirect) {
        return answer(id, proposal, redirect, () -> {
            NegotiationView view =
                    negotiations.accept(caller, id, proposal, form.teamId(), form.round() == null ? -1 : form.round());
            return "AGREED".equals(view.status())
                    ? "Every team has accepted: the goal is co-owned now."
                    : "Your team accepted these terms.";
        });
    }

    @PostMapping("/goals/{id}/proposals/{proposal}/decline")
    String decline(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID proposal,
            @Valid @ModelAttribute AnswerForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        return answer(id, proposal, redirect, () -> {
            negotiations.decline(caller, id, proposal, form.teamId(), errors.hasErrors() ? "" : form.reason());
            return "Your team declined.";
        });
    }

    @PostMapping("/goals/{id}/proposals/{proposal}/withdraw")
    String withdraw(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID proposal,
            @ModelAttribute AnswerForm form,
            RedirectAttributes redirect) {
        return answer(id, proposal, redirect, () -> {
            negotiations.withdraw(caller, id, proposal, form.reason());
            return "The proposal is withdrawn.";
        });
    }

    /** Runs an answer; a refusal (a stale round, a missing reason) comes back as the page's problem. */
    private static String answer(
            UUID goal, UUID proposal, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (RuleViolationException | dev.kept.shared.ConflictException | dev.kept.shared.ForbiddenException e) {
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return "redirect:/goals/" + goal + "/proposals/" + proposal;
    }
}
