package dev.kept.partnerships;

import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.MorePages;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

/** The partnership pages: my partners and the invitation form, one partnership, my competitors. */
@Controller
class PartnershipPages {

    static final int SHAREABLE_PER_PAGE = 20;

    private static final int LONGEST_SEARCH = 120;

    private final Partnerships partnerships;
    private final Partnering partnering;
    private final PartnershipSharing sharing;
    private final People people;

    PartnershipPages(Partnerships partnerships, Partnering partnering, PartnershipSharing sharing, People people) {
        this.partnerships = partnerships;
        this.partnering = partnering;
        this.sharing = sharing;
        this.people = people;
    }

    record InviteForm(
            UUID partnerId,
            @Size(max = 254) @Email(regexp = "|.+@.+\\..+") String email,
            @NotNull PartnershipKind kind,
            Cadence cadence,
            @Size(max = 1000) String message,
            @Size(max = 1000) String challengeMeOn) {}

    record TermsForm(@Size(max = 1000) String challengeMeOn, Cadence cadence) {}

    @ModelAttribute("cadences")
    Cadence[] cadences() {
        return Cadence.values();
    }

    @GetMapping("/partnerships")
    String list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        if (htmx != null) {
            showPage(caller, cursor, model);
            model.addAttribute("htmx", true);
            return "partnerships/list :: more-partnerships";
        }
        model.addAttribute("form", new InviteForm(null, "", PartnershipKind.PEER, Cadence.BIWEEKLY, "", ""));
        return showList(caller, q, cursor, model);
    }

    @GetMapping("/partnerships/fit")
    String fit(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) UUID partnerId, Model model) {
        if (partnerId == null) {
            return "partnerships/fit :: empty";
        }
        model.addAttribute("fit", partnering.fit(caller, partnerId));
        return "partnerships/fit :: hint";
    }

    @PostMapping("/partnerships")
    String invite(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") InviteForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            boolean byEmail = form.email() != null && !form.email().isBlank();
            try {
                PartnershipView invited = partnerships.invite(
                        caller,
                        new PartnerInvitation(
                                byEmail ? null : form.partnerId(),
                                byEmail ? form.email() : null,
                                form.kind(),
                                form.message(),
                                form.cadence(),
                                form.challengeMeOn()));
                redirect.addFlashAttribute(
                        "notice",
                        invited.notice() != null && !byEmail
                                ? invited.notice()
                                : "Your invitation is on its way to " + invited.partnerName()
                                        + (byEmail ? " by e-mail." : ". They see it in their inbox."));
                return "redirect:/partnerships/" + invited.id();
            } catch (RuleViolationException broken) {
                String field = byEmail ? "email" : "partnerId";
                errors.rejectValue(field, broken.reason(), broken.detail());
            }
        }
        if (form.partnerId() != null && !errors.hasFieldErrors("partnerId")) {
            showFit(caller, form.partnerId(), model);
        }
        return showList(caller, null, null, model);
    }

    private void showFit(Caller caller, UUID partnerId, Model model) {
        try {
            model.addAttribute("fit", partnering.fit(caller, partnerId));
        } catch (NotFoundException notAMember) {
            // no hint for an id that names no member; the form's own errors are what to show
        }
    }

    private String showList(Caller caller, String q, String cursor, Model model) {
        showPage(caller, cursor, model);
        String search = q == null || q.length() <= LONGEST_SEARCH ? q : q.substring(0, LONGEST_SEARCH);
        model.addAttribute("q", search);
        model.addAttribute(
                "candidates",
                partnering.candidates(caller, search, null, Page.DEFAULT).items());
        return "partnerships/list";
    }

    private void showPage(Caller caller, String cursor, Model model) {
        MorePages.show(model, "partnerships", from -> partnerships.page(caller, from, Page.DEFAULT), cursor);
    }

    @GetMapping("/partnerships/{id}")
    String detail(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(name = "after", required = false) String after,
            Model model) {
        PartnershipView p = partnerships.get(caller, id);
        model.addAttribute("p", p);
        model.addAttribute("terms", new TermsForm(p.agreement().myChallengeMeOn(), p.cadence()));
        if (p.canShareThrough()) {
            model.addAttribute("shareable", sharing.notSharedWith(caller, id, after, SHAREABLE_PER_PAGE));
        }
        return "partnerships/detail";
    }

    /** Shares chosen older commitments of the caller with this partnership, in one click. */
    @PostMapping("/partnerships/{id}/shares")
    String share(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(name = "commitmentIds", required = false) List<UUID> commitmentIds,
            RedirectAttributes redirect) {
        PartnershipView p = partnerships.get(caller, id);
        if (commitmentIds == null || commitmentIds.isEmpty()) {
            redirect.addFlashAttribute("problem", "Tick the commitments to share with " + p.partnerName() + ".");
            return "redirect:/partnerships/" + id;
        }
        try {
            int shared = sharing.share(caller, id, commitmentIds);
            redirect.addFlashAttribute(
                    "notice",
                    shared == 1
                            ? p.partnerName() + " now sees 1 more of your commitments."
                            : p.partnerName() + " now sees " + shared + " more of your commitments.");
        } catch (RuleViolationException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/partnerships/" + id;
    }

    @PostMapping("/partnerships/{id}/accept")
    String accept(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("terms") TermsForm terms,
            BindingResult errors,
            RedirectAttributes redirect) {
        return act(
                id,
                errors,
                redirect,
                "You are partners now.",
                () -> partnerships.accept(caller, id, terms.challengeMeOn(), terms.cadence()));
    }

    @PostMapping("/partnerships/{id}/agreement")
    String agree(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("terms") TermsForm terms,
            BindingResult errors,
            RedirectAttributes redirect) {
        return act(
                id,
                errors,
                redirect,
                "Your terms are saved.",
                () -> partnerships.agree(caller, id, terms.challengeMeOn(), terms.cadence()));
    }

    private static String termsProblem(BindingResult errors) {
        return errors.hasFieldErrors("challengeMeOn")
                ? "What to challenge you on can be at most 1000 characters."
                : "Choose how often to meet from the list.";
    }

    @PostMapping("/partnerships/{id}/decline")
    String decline(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "You declined the invitation.", () -> partnerships.decline(caller, id));
    }

    @PostMapping("/partnerships/{id}/pause")
    String pause(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "Paused: nothing is shared through it until one of you resumes it.",
                () -> partnerships.pause(caller, id));
    }

    @PostMapping("/partnerships/{id}/resume")
    String resume(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "Resumed.", () -> partnerships.resume(caller, id));
    }

    @PostMapping("/partnerships/{id}/invitation")
    String resendInvitation(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "A new link is on its way; earlier ones no longer work.",
                () -> partnerships.resendInvitation(caller, id));
    }

    @PostMapping("/partnerships/{id}/end")
    String end(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "Ended: nothing more is shared through it.", () -> partnerships.end(caller, id));
    }

    /** The same as the other {@code act}, once the submitted terms are valid. */
    private static String act(
            UUID id,
            BindingResult termsErrors,
            RedirectAttributes redirect,
            String notice,
            Supplier<PartnershipView> action) {
        if (termsErrors.hasErrors()) {
            redirect.addFlashAttribute("problem", termsProblem(termsErrors));
            return "redirect:/partnerships/" + id;
        }
        return act(id, redirect, notice, action);
    }

    private static String act(UUID id, RedirectAttributes redirect, String notice, Supplier<PartnershipView> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (RuleViolationException | ConflictException | ForbiddenException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/partnerships/" + id;
    }

    @GetMapping("/settings/conflicts")
    String conflicts(@AuthenticationPrincipal Caller caller, Model model) {
        return showConflicts(caller, model);
    }

    /**
     * Changes the caller's competitor declarations: with {@code email}, adds the member with that
     * address; with {@code remove}, takes that person off; otherwise replaces the whole list with
     * {@code personIds} (none: clears it). A problem comes back on the page, the e-mail as typed.
     */
    @PostMapping("/settings/conflicts")
    String declare(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) List<UUID> personIds,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) UUID remove,
            Model model,
            RedirectAttributes redirect) {
        requireMember(caller);
        boolean adding = email != null;
        try {
            List<UUID> declared;
            if (adding) {
                if (email.isBlank() || email.length() > 254) {
                    throw new RuleViolationException(
                            "UNKNOWN_PERSON", "email", "Give the e-mail of someone in this organization.");
                }
                UUID added = people.memberByEmail(caller, email, "email");
                declared = new ArrayList<>(partnering.competitors(caller));
                if (!declared.contains(added)) {
                    declared.add(added);
                }
            } else if (remove != null) {
                declared = new ArrayList<>(partnering.competitors(caller));
                declared.remove(remove);
            } else {
                declared = personIds == null ? List.of() : personIds;
            }
            partnering.declareCompetitors(caller, declared);
        } catch (RuleViolationException broken) {
            if (adding) {
                model.addAttribute("email", email);
                model.addAttribute("emailProblem", broken.detail());
            } else {
                model.addAttribute("problem", broken.detail());
            }
            return showConflicts(caller, model);
        }
        redirect.addFlashAttribute("notice", "Saved. Only you see this list.");
        return "redirect:/settings/conflicts";
    }

    /** The people the caller declared (at most the few hundred the rule allows), by name. */
    private String showConflicts(Caller caller, Model model) {
        requireMember(caller);
        Map<UUID, Person> named = people.peopleIn(caller.organizationId(), partnering.competitors(caller));
        model.addAttribute(
                "declared",
                named.values().stream()
                        .sorted(Comparator.comparing(Person::getName).thenComparing(Person::getId))
                        .toList());
        return "partnerships/conflicts";
    }

    // a guest (an outside partner) has no colleagues to compete with: the page is not theirs
    private void requireMember(Caller caller) {
        if (people.me(caller).isGuest()) {
            throw new NotFoundException("Page");
        }
    }
}
