package dev.kept.recognition;

import dev.kept.commitments.Commitments;
import dev.kept.goals.Goals;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Teams;
import dev.kept.shared.MorePages;
import dev.kept.shared.NamedChoice;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The thanks page: the feed, and the form to thank a person or a team. */
@Controller
class KudosPages {

    private final Kudos kudos;
    private final People people;
    private final Teams orgTeams;
    private final Goals goals;
    private final Commitments commitments;

    KudosPages(Kudos kudos, People people, Teams orgTeams, Goals goals, Commitments commitments) {
        this.kudos = kudos;
        this.people = people;
        this.orgTeams = orgTeams;
        this.goals = goals;
        this.commitments = commitments;
    }

    /** What the thanks form sends: a person or a team, the message, and what it is for (hidden). */
    record KudosForm(
            UUID toPersonId,
            @Size(max = 254) String toPersonEmail,
            UUID toTeamId,
            @Size(max = NamedChoice.LONGEST_SEARCH) String toTeamName,
            @NotBlank @Size(max = 1000) String message,
            ThanksFor forType,
            UUID forId) {}

    @GetMapping("/kudos")
    String feed(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) ThanksFor forType,
            @RequestParam(required = false) UUID forId,
            @RequestParam(required = false) UUID team,
            @RequestParam(required = false) String teamName,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Teams.TeamFilter teamFilter = orgTeams.teamFilter(caller, team, teamName);
        model.addAttribute("teamFilter", teamFilter);
        show(caller, teamFilter.teamId(), cursor, model);
        if (htmx != null) {
            model.addAttribute("htmx", true);
            return "recognition/kudos :: more-kudos";
        }
        String forTitle = forType == null || forId == null ? null : titleOf(caller, forType, forId);
        model.addAttribute(
                "form",
                forTitle == null
                        ? new KudosForm(null, "", null, "", "", null, null)
                        : new KudosForm(null, "", null, "", "", forType, forId));
        model.addAttribute("forTitle", forTitle);
        return "recognition/kudos";
    }

    @PostMapping("/kudos")
    String give(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") KudosForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        show(caller, null, null, model);
        model.addAttribute("teamFilter", new Teams.TeamFilter(null, "", null));
        if (!errors.hasErrors()) {
            try {
                UUID toPerson =
                        form.toPersonEmail() == null || form.toPersonEmail().isBlank()
                                ? form.toPersonId()
                                : people.memberByEmail(caller, form.toPersonEmail(), "toPersonEmail");
                UUID toTeam = orgTeams.teamNamedOrGiven(caller, form.toTeamName(), form.toTeamId(), "toTeamName");
                kudos.give(caller, new KudosDraft(toPerson, toTeam, form.message(), form.forType(), form.forId()));
                redirect.addFlashAttribute("notice", "Your thanks is on the feed.");
                return "redirect:/kudos";
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        model.addAttribute(
                "forTitle",
                form.forType() == null || form.forId() == null ? null : titleOf(caller, form.forType(), form.forId()));
        return "recognition/kudos";
    }

    private void show(Caller caller, UUID team, String cursor, Model model) {
        MorePages.show(model, "feed", from -> kudos.feed(caller, team, from, Page.DEFAULT), cursor);
        model.addAttribute("team", team);
        model.addAttribute("teamChoices", orgTeams.teamChoices(caller, "", NamedChoice.MOST));
    }

    /** The goal's title or the commitment's text, if the caller sees it; else nothing is prefilled. */
    private String titleOf(Caller caller, ThanksFor kind, UUID id) {
        try {
            return kind == ThanksFor.GOAL
                    ? goals.get(caller, id).goal().title()
                    : commitments.get(caller, id).what();
        } catch (NotFoundException unseen) {
            return null;
        }
    }
}
