package dev.kept.advice;

import dev.kept.people.Caller;
import dev.kept.people.Strengths;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.MorePages;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The advice pages: the requests, the form to ask, and one request with its answers. */
@Controller
class AdvicePages {

    private final AdviceRequests advice;

    AdvicePages(AdviceRequests advice) {
        this.advice = advice;
    }

    /** What the ask form sends; the areas are typed separated by commas. */
    record AdviceForm(
            @NotBlank @Size(max = 300) String question,
            @Size(max = 4000) String details,
            @NotBlank @Size(max = 300) String areas) {}

    record AnswerForm(@NotBlank @Size(max = 4000) String text) {}

    @GetMapping("/advice")
    String list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "false") boolean invited,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        MorePages.show(model, "requests", from -> advice.list(caller, invited, mine, from, Page.DEFAULT), cursor);
        if (htmx != null && cursor != null) {
            return "teams/advice-list :: more-requests";
        }
        model.addAttribute("invited", invited);
        model.addAttribute("mine", mine);
        return "teams/advice-list";
    }

    @GetMapping("/advice/new")
    String form(@AuthenticationPrincipal Caller caller, Model model) {
        requireMember(caller);
        model.addAttribute("form", new AdviceForm("", "", ""));
        return "teams/advice-new";
    }

    @PostMapping("/advice")
    String ask(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") AdviceForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        requireMember(caller);
        if (!errors.hasErrors()) {
            try {
                AdviceView asked = advice.ask(
                        caller, new AdviceDraft(form.question(), form.details(), Strengths.split(form.areas())));
                redirect.addFlashAttribute(
                        "notice",
                        asked.invited().isEmpty()
                                ? "Your question is asked; nobody in another team lists these strengths yet."
                                : "Your question is asked; " + asked.invited().size()
                                        + " people with these strengths in other teams are invited to answer.");
                return "redirect:/advice/" + asked.id();
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        return "teams/advice-new";
    }

    @GetMapping("/advice/{id}")
    String detail(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        show(caller, id, model);
        model.addAttribute("form", new AnswerForm(""));
        return "teams/advice-detail";
    }

    @PostMapping("/advice/{id}/answers")
    String answer(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") AnswerForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                advice.answer(caller, id, form.text());
                redirect.addFlashAttribute("notice", "Thank you: your answer is posted.");
                return "redirect:/advice/" + id;
            } catch (ForbiddenException | ConflictException refused) {
                errors.rejectValue("text", "REFUSED", refused.getBody().getDetail());
            }
        }
        show(caller, id, model);
        return "teams/advice-detail";
    }

    @PostMapping("/advice/{id}/answers/{answerId}/helpful")
    String helpful(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID answerId,
            @RequestParam(required = false) Boolean helpful,
            RedirectAttributes redirect) {
        advice.markHelpful(caller, id, answerId, Boolean.TRUE.equals(helpful));
        redirect.addFlashAttribute("notice", "Noted.");
        return "redirect:/advice/" + id;
    }

    @PostMapping("/advice/{id}/close")
    String close(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        advice.close(caller, id);
        redirect.addFlashAttribute("notice", "The request is closed.");
        return "redirect:/advice/" + id;
    }

    private void show(Caller caller, UUID id, Model model) {
        AdviceView request = advice.get(caller, id);
        model.addAttribute("request", request);
        model.addAttribute("asker", request.askerId().equals(caller.personId()));
    }

    private void requireMember(Caller caller) {
        if (!advice.canAsk(caller)) {
            throw new NotFoundException("Page");
        }
    }
}
