package dev.kept.commitments;

import dev.kept.access.Visibility;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Teams;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.MorePages;
import dev.kept.shared.NamedChoice;
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
import java.util.function.Supplier;
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

/** The expectation pages: what I asked and was asked, asking someone, and one expectation's thread. */
@Controller
class ExpectationPages {

    private final Expectations expectations;
    private final People people;
    private final Teams orgTeams;
    private final GoalDirectory goals;

    ExpectationPages(Expectations expectations, People people, Teams orgTeams, GoalDirectory goals) {
        this.expectations = expectations;
        this.people = people;
        this.orgTeams = orgTeams;
        this.goals = goals;
    }

    /** Whom the form asks: a person, named by e-mail, or a team. */
    record AskForm(
            @Size(max = 254) String toPersonEmail,
            UUID toTeamId,
            @Size(max = NamedChoice.LONGEST_SEARCH) String toTeamName,
            @NotBlank @Size(max = 500) String what,
            @NotBlank @Size(max = 1000) String doneWhen,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate due,

            @Size(max = 2000) String why,
            UUID goalId,
            @Size(max = NamedChoice.LONGEST_SEARCH) String goalName) {}

    /**
     * Two lists a page at a time, asked of me and asked by me, and the form to ask. {@code list}
     * names the list {@code cursor} continues (the other starts at its first page); an htmx request
     * for it gets only its next rows and its next "Show more".
     */
    @GetMapping("/expectations")
    String list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String list,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("form", new AskForm("", null, "", "", "", null, "", null, ""));
        if (htmx != null && cursor != null && (OF_ME.equals(list) || BY_ME.equals(list))) {
            boolean ofMe = OF_ME.equals(list);
            Page<ExpectationView> page = pageOf(caller, list, list, cursor);
            model.addAttribute("rows", page.items());
            model.addAttribute("moreHref", PageAnswer.moreHref(page));
            model.addAttribute("list", ofMe ? "asked-of-me" : "asked-by-me");
            model.addAttribute("ofMe", ofMe);
            return "commitments/expectations :: more-rows";
        }
        return showList(caller, model, list, cursor);
    }

    private static final String OF_ME = "of-me";
    private static final String BY_ME = "by-me";

    /** A page of one list, from the cursor when the request continues that list; a stray cursor starts over. */
    private Page<ExpectationView> pageOf(Caller caller, String list, String continued, String cursor) {
        ExpectationQueries.Side side =
                OF_ME.equals(list) ? ExpectationQueries.Side.ASKED_OF_ME : ExpectationQueries.Side.ASKED_BY_ME;
        String from = list.equals(continued) ? cursor : null;
        return MorePages.pageOrFirst(after -> expectations.page(caller, side, after, Page.DEFAULT), from);
    }

    @PostMapping("/expectations")
    String ask(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") AskForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        boolean byEmail = form.toPersonEmail() != null && !form.toPersonEmail().isBlank();
        UUID person = null;
        UUID team = null;
        try {
            team = orgTeams.teamNamedOrGiven(caller, form.toTeamName(), form.toTeamId(), "toTeamName");
        } catch (RuleViolationException unknown) {
            unknown.rejectOn(errors);
        }
        UUID goal = null;
        try {
            goal = goals.goalNamedOrGiven(caller, form.goalName(), form.goalId(), "goalName");
        } catch (RuleViolationException unnamed) {
            unnamed.rejectOn(errors);
        }
        if (errors.hasFieldErrors("toTeamName")) {
            // told beside the team's field
        } else if (byEmail && team != null) {
            errors.rejectValue("toPersonEmail", "ASKED", "Ask either a person or a team, not both.");
        } else if (!byEmail && team == null) {
            errors.rejectValue("toPersonEmail", "ASKED", "Give the e-mail of a person to ask, or choose a team.");
        } else if (byEmail && !errors.hasFieldErrors("toPersonEmail")) {
            try {
                person = people.memberByEmail(caller, form.toPersonEmail(), "toPersonEmail");
            } catch (RuleViolationException unknown) {
                unknown.rejectOn(errors);
            }
        }
        if (!errors.hasErrors()) {
            try {
                ExpectationView asked = expectations.ask(
                        caller,
                        new ExpectationDraft(person, team, form.what(), form.doneWhen(), form.due(), form.why(), goal));
                redirect.addFlashAttribute("notice", "Asked. You will hear from them in your inbox.");
                return "redirect:/expectations/" + asked.id();
            } catch (RuleViolationException broken) {
                String field = "toPersonId".equals(broken.field())
                        ? "toPersonEmail"
                        : "toTeamId".equals(broken.field()) ? "toTeamName" : broken.field();
                if (field == null) {
                    errors.reject(broken.reason(), broken.detail());
                } else {
                    errors.rejectValue(field, broken.reason(), broken.detail());
                }
            }
        }
        return showList(caller, model);
    }

    private String showList(Caller caller, Model model) {
        return showList(caller, model, null, null);
    }

    private String showList(Caller caller, Model model, String continued, String cursor) {
        Page<ExpectationView> ofMe = pageOf(caller, OF_ME, continued, cursor);
        Page<ExpectationView> byMe = pageOf(caller, BY_ME, continued, cursor);
        model.addAttribute("askedOfMe", ofMe.items());
        model.addAttribute("askedOfMeMore", MorePages.moreHref("/expectations", OF_ME, ofMe));
        model.addAttribute("askedByMe", byMe.items());
        model.addAttribute("askedByMeMore", MorePages.moreHref("/expectations", BY_ME, byMe));
        boolean guest = people.me(caller).isGuest();
        model.addAttribute("canAsk", !guest);
        if (!guest) {
            model.addAttribute("teamChoices", orgTeams.teamChoices(caller, "", NamedChoice.MOST));
            model.addAttribute("goals", goals.choices(caller));
        }
        return "commitments/expectations";
    }

    @GetMapping("/expectations/{id}")
    String detail(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        model.addAttribute("e", expectations.get(caller, id));
        model.addAttribute(
                "visibilities",
                List.of(Visibility.PRIVATE, Visibility.PARTNERS, Visibility.TEAM, Visibility.ORGANIZATION));
        return "commitments/expectation";
    }

    @PostMapping("/expectations/{id}/questions")
    String question(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        if (text.isBlank() || text.length() > 2000) {
            return problem(id, redirect, "Write a message of at most 2000 characters.");
        }
        return act(id, redirect, "Posted.", () -> expectations.discuss(caller, id, text));
    }

    @PostMapping("/expectations/{id}/counter")
    String counter(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute CounterProposal proposal,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return problem(id, redirect, "Give a reason (at most 2000 characters) and a valid date or definition.");
        }
        return act(
                id,
                redirect,
                "Your proposal is waiting for the requester.",
                () -> expectations.counter(caller, id, proposal));
    }

    @PostMapping("/expectations/{id}/counter/{number}/{decision:accept|decline}")
    String decideCounter(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable int number,
            @PathVariable String decision,
            RedirectAttributes redirect) {
        boolean accept = decision.equals("accept");
        return act(
                id,
                redirect,
                accept ? "Accepted: the terms changed." : "Declined: the terms stay.",
                () -> expectations.decideCounter(caller, id, number, accept));
    }

    @PostMapping("/expectations/{id}/accept")
    String accept(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) Visibility visibility,
            RedirectAttributes redirect) {
        try {
            ExpectationView accepted = expectations.accept(caller, id, visibility);
            redirect.addFlashAttribute(
                    "notice", "It is your commitment now, made to " + accepted.requesterName() + ".");
            return "redirect:/commitments/" + accepted.commitmentId();
        } catch (RuleViolationException | ConflictException | ForbiddenException refused) {
            return problem(id, redirect, refused.getBody().getDetail());
        }
    }

    @PostMapping("/expectations/{id}/decline")
    String decline(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        if (reason.isBlank() || reason.length() > 2000) {
            return problem(id, redirect, "Say why you decline, in at most 2000 characters.");
        }
        return act(id, redirect, "Declined.", () -> expectations.decline(caller, id, reason));
    }

    @PostMapping("/expectations/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "Withdrawn.", () -> expectations.withdraw(caller, id));
    }

    private static String act(UUID id, RedirectAttributes redirect, String notice, Supplier<ExpectationView> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (RuleViolationException | ConflictException | ForbiddenException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/expectations/" + id;
    }

    private static String problem(UUID id, RedirectAttributes redirect, String text) {
        redirect.addFlashAttribute("problem", text);
        return "redirect:/expectations/" + id;
    }
}
