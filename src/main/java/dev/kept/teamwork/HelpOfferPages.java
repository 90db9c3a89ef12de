package dev.kept.teamwork;

import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.Teams;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.MorePages;
import dev.kept.shared.NamedChoice;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import java.util.function.Supplier;
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

/** The help pages: offers I made and received, offering help, and one offer. */
@Controller
class HelpOfferPages {

    private final HelpOffers offers;
    private final Targets targets;
    private final People people;
    private final Teams orgTeams;

    HelpOfferPages(HelpOffers offers, Targets targets, People people, Teams orgTeams) {
        this.offers = offers;
        this.targets = targets;
        this.people = people;
        this.orgTeams = orgTeams;
    }

    /** To whom: a person, named by e-mail, or a team. */
    record HelpForm(
            @Size(max = 254) String toPersonEmail,
            UUID toTeamId,
            @Size(max = NamedChoice.LONGEST_SEARCH) String toTeamName,
            @NotNull HelpKind kind,
            @NotBlank @Size(max = 1000) String what,
            TargetType targetType,
            UUID targetId) {}

    @GetMapping("/help-offers")
    String list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        MorePages.show(model, "offers", from -> offers.mine(caller, from, Page.DEFAULT), cursor);
        if (htmx != null && cursor != null) {
            return "teams/help-offers :: more-offers";
        }
        return "teams/help-offers";
    }

    @GetMapping("/help-offers/new")
    String newForm(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) UUID toPersonId,
            @RequestParam(required = false) UUID toTeamId,
            @RequestParam(required = false) String targetType,
            @RequestParam(required = false) UUID targetId,
            Model model) {
        requireMember(caller);
        Target target = null;
        if (targetType != null || targetId != null) {
            target = TargetType.parse(targetType)
                    .filter(type -> type != TargetType.EXPECTATION)
                    .flatMap(type -> targets.visible(caller, type, targetId))
                    .orElseThrow(() -> new NotFoundException("Help target"));
        }
        UUID person = null;
        UUID team = null;
        if (toPersonId != null) {
            person = toPersonId;
        } else if (toTeamId != null) {
            team = toTeamId;
        } else if (target != null && target.helpTeam() != null) {
            team = target.helpTeam();
        } else if (target != null) {
            person = target.helpPerson();
        }
        model.addAttribute(
                "form",
                new HelpForm(
                        person == null ? "" : emailOf(caller, person),
                        null,
                        orgTeams.teamName(caller, team).orElse(""),
                        null,
                        "",
                        target == null ? null : target.type(),
                        target == null ? null : target.id()));
        return showForm(caller, target, model);
    }

    @PostMapping("/help-offers")
    String offer(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") HelpForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        requireMember(caller);
        Target target = form.targetType() == null || form.targetId() == null
                ? null
                : targets.visible(caller, form.targetType(), form.targetId()).orElse(null);
        boolean byEmail = form.toPersonEmail() != null && !form.toPersonEmail().isBlank();
        UUID person = null;
        UUID team = null;
        try {
            team = orgTeams.teamNamedOrGiven(caller, form.toTeamName(), form.toTeamId(), "toTeamName");
        } catch (RuleViolationException unknown) {
            unknown.rejectOn(errors);
        }
        if (errors.hasFieldErrors("toTeamName")) {
            // told beside the team's field
        } else if (byEmail && team != null) {
            errors.rejectValue("toPersonEmail", "RECIPIENT", "Offer help either to a person or to a team, not both.");
        } else if (!byEmail && team == null) {
            errors.rejectValue(
                    "toPersonEmail", "RECIPIENT", "Give the e-mail of a person to offer help to, or choose a team.");
        } else if (byEmail && !errors.hasFieldErrors("toPersonEmail")) {
            try {
                person = people.memberByEmail(caller, form.toPersonEmail(), "toPersonEmail");
            } catch (RuleViolationException unknown) {
                unknown.rejectOn(errors);
            }
        }
        if (!errors.hasErrors()) {
            try {
                HelpOfferView made = offers.offer(
                        caller,
                        new HelpOfferDraft(person, team, form.kind(), form.what(), form.targetType(), form.targetId()));
                redirect.addFlashAttribute(
                        "notice", "Your offer is on its way. You will hear the answer in your inbox.");
                return "redirect:/help-offers/" + made.id();
            } catch (RuleViolationException broken) {
                String field = "toPersonId".equals(broken.field())
                        ? "toPersonEmail"
                        : "toTeamId".equals(broken.field()) ? "toTeamName" : null;
                if (field == null) {
                    errors.reject(broken.reason(), broken.detail());
                } else {
                    errors.rejectValue(field, broken.reason(), broken.detail());
                }
            }
        }
        return showForm(caller, target, model);
    }

    private String showForm(Caller caller, Target target, Model model) {
        model.addAttribute("target", target);
        model.addAttribute("teamChoices", orgTeams.teamChoices(caller, "", NamedChoice.MOST));
        model.addAttribute("kinds", HelpKind.values());
        return "teams/new-help";
    }

    @GetMapping("/help-offers/{id}")
    String detail(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        model.addAttribute("offer", offers.get(caller, id));
        return "teams/help-offer";
    }

    @PostMapping("/help-offers/{id}/accept")
    String accept(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "You accepted the help.", () -> offers.accept(caller, id));
    }

    @PostMapping("/help-offers/{id}/decline")
    String decline(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        if (reason != null && reason.length() > 1000) {
            redirect.addFlashAttribute("problem", "Keep the reason to at most 1000 characters.");
            return "redirect:/help-offers/" + id;
        }
        return act(id, redirect, "You declined the help.", () -> offers.decline(caller, id, reason));
    }

    @PostMapping("/help-offers/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "You withdrew your offer.", () -> offers.withdraw(caller, id));
    }

    private void requireMember(Caller caller) {
        if (targets.isGuest(caller)) {
            throw new NotFoundException("Help offer");
        }
    }

    private static String act(UUID id, RedirectAttributes redirect, String notice, Supplier<HelpOfferView> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (RuleViolationException | ConflictException | ForbiddenException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/help-offers/" + id;
    }

    /** A member's e-mail to prefill the form with; nothing for someone not a member here. */
    private String emailOf(Caller caller, UUID personId) {
        return people.personIn(caller.organizationId(), personId)
                .filter(person -> !person.isGuest())
                .map(Person::getEmail)
                .orElse("");
    }
}
