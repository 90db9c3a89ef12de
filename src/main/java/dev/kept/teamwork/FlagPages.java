package dev.kept.teamwork;

import dev.kept.people.Caller;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.MorePages;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
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

/** The flag pages: my flags, raising one (with hints on the wording as one types), and one flag. */
@Controller
class FlagPages {

    private final Flags flags;
    private final Targets targets;

    FlagPages(Flags flags, Targets targets) {
        this.flags = flags;
        this.targets = targets;
    }

    record FlagForm(
            @NotNull TargetType targetType,
            @NotNull UUID targetId,
            @NotBlank @Size(max = 2000) String noticed,
            @NotBlank @Size(max = 1000) String question,
            HelpKind helpKind,
            @Size(max = 1000) String helpWhat) {}

    @GetMapping("/flags")
    String list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        MorePages.show(model, "flags", from -> flags.mine(caller, from, Page.DEFAULT), cursor);
        if (htmx != null && cursor != null) {
            return "teams/flag-list :: more-flags";
        }
        return "teams/flags";
    }

    @GetMapping("/flags/new")
    String newForm(
            @AuthenticationPrincipal Caller caller,
            @RequestParam String targetType,
            @RequestParam String targetId,
            Model model) {
        Target target = target(caller, targetType, targetId);
        model.addAttribute("form", new FlagForm(target.type(), target.id(), "", "", null, ""));
        return showForm(caller, target, flags.wording("", ""), model);
    }

    @PostMapping("/flags/wording")
    String wording(
            @RequestParam(required = false) String noticed,
            @RequestParam(required = false) String question,
            Model model) {
        model.addAttribute("hints", flags.wording(noticed, question));
        return "teams/wording :: hints";
    }

    @PostMapping("/flags")
    String raise(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") FlagForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        Target target = form.targetType() == null || form.targetId() == null
                ? null
                : targets.visible(caller, form.targetType(), form.targetId()).orElse(null);
        if (target == null) {
            throw new NotFoundException("Flag target");
        }
        boolean help = form.helpKind() != null;
        if (help && (form.helpWhat() == null || form.helpWhat().isBlank())) {
            errors.rejectValue("helpWhat", "helpWhat", "Say what you offer, or choose no help.");
        }
        if (!errors.hasErrors()) {
            try {
                FlagView raised = flags.raise(
                        caller,
                        new FlagDraft(
                                form.targetType(),
                                form.targetId(),
                                form.noticed(),
                                form.question(),
                                help ? new FlagDraft.Help(form.helpKind(), form.helpWhat()) : null));
                redirect.addFlashAttribute("notice", "Your flag is raised. The owners are told and will answer here.");
                return "redirect:/flags/" + raised.id();
            } catch (RuleViolationException broken) {
                if ("help".equals(broken.field())) {
                    errors.rejectValue("helpWhat", broken.reason(), broken.detail());
                } else {
                    errors.reject(broken.reason(), broken.detail());
                }
            }
        }
        return showForm(caller, target, flags.wording(form.noticed(), form.question()), model);
    }

    private String showForm(Caller caller, Target target, List<FlagWording.Hint> hints, Model model) {
        model.addAttribute("target", target);
        model.addAttribute(
                "own", target.type() == TargetType.COMMITMENT && target.owners().contains(caller.personId()));
        model.addAttribute("hints", hints);
        model.addAttribute("kinds", HelpKind.values());
        return "teams/new-flag";
    }

    @GetMapping("/flags/{id}")
    String detail(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        model.addAttribute("flag", flags.get(caller, id));
        return "teams/flag";
    }

    @PostMapping("/flags/{id}/answer")
    String answer(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String answer,
            RedirectAttributes redirect) {
        if (answer.isBlank() || answer.length() > 2000) {
            return problem(id, redirect, "Write an answer of at most 2000 characters.");
        }
        return act(
                id,
                redirect,
                "Your answer is shared with who raised the flag.",
                () -> flags.answer(caller, id, answer));
    }

    @PostMapping("/flags/{id}/resolve")
    String resolve(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        if (note != null && note.length() > 1000) {
            return problem(id, redirect, "Keep the note to at most 1000 characters.");
        }
        return act(id, redirect, "The flag is resolved.", () -> flags.resolve(caller, id, note));
    }

    @PostMapping("/flags/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "You withdrew the flag.", () -> flags.withdraw(caller, id));
    }

    private Target target(Caller caller, String type, String id) {
        UUID targetId;
        try {
            targetId = UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("Flag target");
        }
        return TargetType.parse(type)
                .flatMap(t -> targets.visible(caller, t, targetId))
                .orElseThrow(() -> new NotFoundException("Flag target"));
    }

    private static String act(UUID id, RedirectAttributes redirect, String notice, Supplier<FlagView> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (RuleViolationException | ConflictException | ForbiddenException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/flags/" + id;
    }

    private static String problem(UUID id, RedirectAttributes redirect, String text) {
        redirect.addFlashAttribute("problem", text);
        return "redirect:/flags/" + id;
    }
}
