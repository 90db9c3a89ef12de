package dev.kept.pulse;

import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.shared.MorePages;
import dev.kept.shared.Notices;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
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

/** The pulse for members: the rounds to answer, the answer form, and the results they may see. */
@Controller
class PulsePages {

    private final Pulses pulses;
    private final People people;

    PulsePages(Pulses pulses, People people) {
        this.pulses = pulses;
        this.people = people;
    }

    /** What the answer form sends: {@code scores[i]} for the i-th question (1–5), and a comment. */
    record AnswerForm(
            List<Integer> scores, @Size(max = 1000) String comment) {}

    @GetMapping("/pulse")
    String home(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        MorePages.show(model, "asked", from -> pulses.asked(caller, from, Page.DEFAULT), cursor);
        if (htmx != null) {
            model.addAttribute("htmx", true);
            return "pulse/home :: more-rounds";
        }
        model.addAttribute("reports", pulses.list(caller, null, Page.DEFAULT).items());
        model.addAttribute("admin", people.isAdmin(caller));
        return "pulse/home";
    }

    @GetMapping("/pulse/rounds/{round}")
    String ballot(@AuthenticationPrincipal Caller caller, @PathVariable UUID round, Model model) {
        Pulses.Ballot ballot = pulses.ballot(caller, round);
        model.addAttribute("form", new AnswerForm(List.of(), ""));
        return showBallot(ballot, List.of(), Map.of(), model);
    }

    @PostMapping("/pulse/rounds/{round}")
    String answer(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID round,
            @Valid @ModelAttribute("form") AnswerForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        Pulses.Ballot ballot = pulses.ballot(caller, round);
        int asked = ballot.questions().size();
        List<Integer> chosen = new ArrayList<>();
        Map<Integer, String> missing = new HashMap<>();
        for (int i = 0; i < asked; i++) {
            Integer score = form.scores() == null || form.scores().size() <= i
                    ? null
                    : form.scores().get(i);
            boolean valid = score != null && score >= 1 && score <= 5;
            chosen.add(valid ? score : null);
            if (!valid) {
                missing.put(i, "Choose an answer from 1 to 5.");
            }
        }
        if (!errors.hasErrors() && missing.isEmpty()) {
            try {
                pulses.answer(caller, round, new AnswerDraft(chosen, form.comment()));
                Notices.flash(redirect, "pulse.answer.thanks");
                return "redirect:/pulse";
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        return showBallot(ballot, chosen, missing, model);
    }

    private static String showBallot(
            Pulses.Ballot ballot, List<Integer> chosen, Map<Integer, String> missing, Model model) {
        List<Integer> padded = new ArrayList<>(chosen);
        while (padded.size() < ballot.questions().size()) {
            padded.add(null);
        }
        model.addAttribute("ballot", ballot);
        model.addAttribute("chosen", padded);
        model.addAttribute("missing", missing);
        return "pulse/answer";
    }

    @GetMapping("/pulse/{id}/results")
    String results(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) UUID round,
            @RequestParam(required = false) String trend,
            Model model) {
        PulseReport report = pulses.report(caller, id, round);
        model.addAttribute("report", report);
        model.addAttribute(
                "meanCharts",
                report.groups().stream()
                        .filter(PulseReport.Group::shown)
                        .collect(java.util.stream.Collectors.toMap(
                                group -> key(group.teamId()), group -> PulseCharts.means(report, group))));
        PulseReport.Trend shown = report.trends().stream()
                .filter(t -> key(t.teamId()).equals(trend))
                .findFirst()
                .orElse(report.trends().get(0));
        model.addAttribute("trend", shown);
        model.addAttribute(
                "trendCharts",
                report.questions().stream()
                        .map(question -> PulseCharts.trend(report, shown, question))
                        .toList());
        return "pulse/results";
    }

    @GetMapping("/pulse/{id}/results.csv")
    ResponseEntity<String> csv(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestParam(required = false) UUID round) {
        return PulseApi.csvAnswer(pulses.report(caller, id, round));
    }

    /** How the page names a group in its addresses: its team's id, or "all". */
    static String key(UUID teamId) {
        return teamId == null ? "all" : teamId.toString();
    }
}
