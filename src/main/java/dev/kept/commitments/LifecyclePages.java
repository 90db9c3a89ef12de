package dev.kept.commitments;

import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps after a commitment is made, from its page: milestones, renegotiation, the other
 * side's confirmation and reflections. Each form posts and comes back to the commitment's page with
 * a notice, or with the problem that stopped it.
 */
@Controller
class LifecyclePages {

    private final Commitments commitments;
    private final People people;

    LifecyclePages(Commitments commitments, People people) {
        this.commitments = commitments;
        this.people = people;
    }

    record MilestoneForm(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200)
            String title,

            @jakarta.validation.constraints.NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate due) {}

    record RenegotiationForm(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000)
            String reason,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
            @jakarta.validation.constraints.Size(max = 1000) String doneWhen) {}

    record ConfirmationForm(
            @jakarta.validation.constraints.NotNull Boolean agree,
            @jakarta.validation.constraints.Size(max = 2000) String comment) {}

    @PostMapping("/commitments/{id}/ownership")
    String declareOwnership(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                id, null, redirect, "You declared the outcome yours.", () -> commitments.declareOwnership(caller, id));
    }

    /**
     * The owner invites a co-owner, named by e-mail ({@code email}) or by id ({@code personId}). An
     * e-mail that names no one comes back with the address as typed and the problem beside it.
     */
    @PostMapping("/commitments/{id}/co-owners")
    String inviteCoOwner(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) UUID personId,
            @RequestParam(required = false) String email,
            RedirectAttributes redirect) {
        boolean byEmail = email != null && !email.isBlank();
        if (!byEmail && personId == null) {
            return coOwnerProblem(id, redirect, email, "Give the e-mail of the person to invite.");
        }
        if (byEmail && email.length() > 254) {
            return coOwnerProblem(id, redirect, email, "An e-mail address has at most 254 characters.");
        }
        UUID invited;
        try {
            invited = byEmail ? people.memberByEmail(caller, email, "email") : personId;
        } catch (RuleViolationException unknown) {
            return coOwnerProblem(id, redirect, email, unknown.detail());
        }
        return act(
                id,
                null,
                redirect,
                "Invited: they accept from their inbox.",
                () -> commitments.inviteCoOwner(caller, id, invited));
    }

    private static String coOwnerProblem(UUID id, RedirectAttributes redirect, String email, String problem) {
        redirect.addFlashAttribute("problem", "No one was invited: " + problem);
        redirect.addFlashAttribute("coOwnerProblem", problem);
        redirect.addFlashAttribute("coOwnerEmail", email);
        return "redirect:/commitments/" + id;
    }

    @PostMapping("/commitments/{id}/co-owners/accept")
    String acceptCoOwnership(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                id, null, redirect, "You co-own it now: it is ours.", () -> commitments.acceptCoOwnership(caller, id));
    }

    @PostMapping("/commitments/{id}/milestones")
    String planMilestone(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute MilestoneForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        return act(
                id,
                errors,
                redirect,
                "Milestone planned.",
                () -> commitments.planMilestone(caller, id, new MilestonePlan(form.title(), form.due())));
    }

    @PostMapping("/commitments/{id}/milestones/{number}")
    String markMilestone(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable int number,
            @RequestParam(defaultValue = "false") boolean done,
            RedirectAttributes redirect) {
        return act(
                id,
                null,
                redirect,
                done ? "Milestone done." : "Milestone reopened.",
                () -> commitments.markMilestone(caller, id, number, done));
    }

    @PostMapping("/commitments/{id}/renegotiations")
    String renegotiate(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute RenegotiationForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        return act(
                id,
                errors,
                redirect,
                "Your proposal is waiting for the other side.",
                () -> commitments.proposeRenegotiation(
                        caller, id, new RenegotiationProposal(form.reason(), form.due(), form.doneWhen())));
    }

    @PostMapping("/commitments/{id}/renegotiations/{number}/{decision:accept|decline}")
    String decide(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable int number,
            @PathVariable String decision,
            RedirectAttributes redirect) {
        boolean accept = decision.equals("accept");
        return act(
                id,
                null,
                redirect,
                accept ? "Accepted: the new terms apply." : "Declined: the terms stay.",
                () -> commitments.decideRenegotiation(caller, id, number, accept));
    }

    @PostMapping("/commitments/{id}/confirmation")
    String confirm(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute ConfirmationForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        return act(
                id,
                errors,
                redirect,
                "Thank you: your word on the outcome is recorded.",
                () -> commitments.confirm(caller, id, new Confirmation(form.agree(), form.comment())));
    }

    @PostMapping("/commitments/{id}/reflections")
    String reflect(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute ReflectionNote form,
            BindingResult errors,
            RedirectAttributes redirect) {
        return act(id, errors, redirect, "Your reflection is recorded.", () -> commitments.reflect(caller, id, form));
    }

    private static String act(
            UUID id,
            BindingResult errors,
            RedirectAttributes redirect,
            String notice,
            Supplier<CommitmentView> action) {
        if (errors != null && errors.hasErrors()) {
            redirect.addFlashAttribute(
                    "problem",
                    "Nothing was saved: "
                            + errors.getFieldErrors().stream()
                                    .map(LifecyclePages::describe)
                                    .collect(Collectors.joining("; "))
                            + ".");
            return "redirect:/commitments/" + id;
        }
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (RuleViolationException | ConflictException | ForbiddenException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/commitments/" + id;
    }

    private static String describe(FieldError error) {
        String message = error.isBindingFailure() ? "has the wrong format" : error.getDefaultMessage();
        return error.getField() + " " + message;
    }
}
