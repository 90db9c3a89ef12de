package dev.kept.pulse;

import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Team;
import dev.kept.people.Teams;
import dev.kept.shared.MorePages;
import dev.kept.shared.NamedChoice;
import dev.kept.shared.Notices;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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

/**
 * The admins' pulse settings: the organization's pulses, and the form that sets one up or changes
 * it. A team is added by typing its name ("Add this team" shows the form again with it); a chosen
 * team is removed by unticking it.
 */
@Controller
class PulseSettingsPages {

    /** As many question fields as a pulse may have questions. */
    static final int QUESTION_FIELDS = 10;

    private final Pulses pulses;
    private final People people;
    private final Teams orgTeams;
    private final Clock clock;

    PulseSettingsPages(Pulses pulses, People people, Teams orgTeams, Clock clock) {
        this.pulses = pulses;
        this.people = people;
        this.orgTeams = orgTeams;
        this.clock = clock;
    }

    /** What the settings form sends; blank question fields are left out. */
    record PulseForm(
            @NotBlank @Size(max = 120) String title,
            List<@Size(max = 300) String> questions,
            List<UUID> teamIds,
            @Size(max = NamedChoice.LONGEST_SEARCH) String addTeam,
            @NotNull Cadence cadence,
            @NotNull @Min(Pulses.FEWEST_GROUP) @Max(1000) Integer minGroup,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate startsOn) {}

    @GetMapping("/admin/pulses")
    String list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        people.requireAdmin(caller);
        MorePages.show(model, "pulses", from -> pulses.list(caller, from, Page.DEFAULT), cursor);
        if (htmx != null) {
            model.addAttribute("htmx", true);
            return "pulse/settings :: more-pulses";
        }
        return "pulse/settings";
    }

    @GetMapping("/admin/pulses/new")
    String blank(@AuthenticationPrincipal Caller caller, Model model) {
        people.requireAdmin(caller);
        PulseForm form = new PulseForm(
                "Accountability pulse",
                Pulses.DEFAULT_QUESTIONS,
                List.of(),
                "",
                Cadence.BIWEEKLY,
                Pulses.DEFAULT_GROUP,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return showForm(caller, null, form, form.teamIds(), model);
    }

    @PostMapping("/admin/pulses")
    String create(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String add,
            @Valid @ModelAttribute("form") PulseForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return save(caller, null, add != null, form, errors, model, redirect);
    }

    @GetMapping("/admin/pulses/{id}")
    String edit(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        people.requireAdmin(caller);
        PulseView pulse = pulses.get(caller, id);
        PulseForm form = new PulseForm(
                pulse.title(),
                pulse.questions().stream().map(PulseView.Question::text).toList(),
                pulse.teams().stream().map(PulseView.TeamRef::id).toList(),
                "",
                pulse.cadence(),
                pulse.minGroup(),
                pulse.startsOn());
        return showForm(caller, pulse, form, form.teamIds(), model);
    }

    @PostMapping("/admin/pulses/{id}")
    String update(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String add,
            @Valid @ModelAttribute("form") PulseForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        people.requireAdmin(caller);
        return save(caller, pulses.get(caller, id), add != null, form, errors, model, redirect);
    }

    @PostMapping("/admin/pulses/{id}/status")
    String status(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam PulseStatus status,
            RedirectAttributes redirect) {
        pulses.changeStatus(caller, id, status);
        Notices.flash(redirect, "pulse.status." + status.name());
        return "redirect:/admin/pulses/" + id;
    }

    private String save(
            Caller caller,
            PulseView pulse,
            boolean adding,
            PulseForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        people.requireAdmin(caller);
        List<UUID> teams = new ArrayList<>(form.teamIds() == null ? List.of() : form.teamIds());
        if (form.addTeam() != null && !form.addTeam().isBlank() && !errors.hasFieldErrors("addTeam")) {
            try {
                orgTeams.teamNamed(caller, form.addTeam(), "addTeam")
                        .filter(team -> !teams.contains(team))
                        .ifPresent(teams::add);
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        List<String> questions = form.questions() == null
                ? List.of()
                : form.questions().stream()
                        .filter(text -> text != null && !text.isBlank())
                        .toList();
        PulseForm kept = new PulseForm(
                form.title(),
                form.questions(),
                teams,
                errors.hasFieldErrors("addTeam") ? form.addTeam() : "",
                form.cadence(),
                form.minGroup(),
                form.startsOn());
        if (adding) {
            // shown again with the team added; a form with errors stays the one they belong to
            return showForm(caller, pulse, errors.hasErrors() ? form : kept, teams, model);
        }
        if (questions.isEmpty()) {
            errors.rejectValue("questions", "QUESTIONS", "Ask at least one question.");
        }
        if (teams.isEmpty() && !errors.hasFieldErrors("addTeam")) {
            errors.rejectValue("addTeam", "TEAMS", "Choose at least one team.");
        }
        if (teams.size() > Pulses.MOST_TEAMS) {
            errors.rejectValue("addTeam", "TEAMS", "A pulse goes to at most " + Pulses.MOST_TEAMS + " teams.");
        }
        if (!errors.hasErrors()) {
            try {
                PulseDraft draft = new PulseDraft(
                        form.title(), questions, teams, form.cadence(), form.minGroup(), form.startsOn());
                PulseView saved =
                        pulse == null ? pulses.create(caller, draft) : pulses.update(caller, pulse.id(), draft);
                Notices.flash(redirect, "pulse.saved");
                return "redirect:/admin/pulses/" + saved.id();
            } catch (RuleViolationException broken) {
                if ("teamIds".equals(broken.field())) {
                    errors.rejectValue("addTeam", broken.reason(), broken.detail());
                } else {
                    broken.rejectOn(errors);
                }
            }
        }
        return showForm(caller, pulse, form, teams, model);
    }

    private String showForm(Caller caller, PulseView pulse, PulseForm form, List<UUID> teamIds, Model model) {
        Map<UUID, String> names = orgTeams.teams(caller).stream().collect(Collectors.toMap(Team::getId, Team::getName));
        List<String> questions = new ArrayList<>(form.questions() == null ? List.of() : form.questions());
        while (questions.size() < QUESTION_FIELDS) {
            questions.add("");
        }
        model.addAttribute("form", form);
        model.addAttribute("questionFields", questions);
        // the fields the form itself holds: only those have errors to read (the others are blank extras)
        model.addAttribute(
                "sentQuestions", form.questions() == null ? 0 : form.questions().size());
        model.addAttribute(
                "chosenTeams",
                (teamIds == null ? List.<UUID>of() : teamIds)
                        .stream()
                                .filter(names::containsKey)
                                .map(id -> new PulseView.TeamRef(id, names.get(id)))
                                .toList());
        model.addAttribute("pulse", pulse);
        model.addAttribute("pageTitle", pulse == null ? "New pulse" : pulse.title());
        model.addAttribute("teamChoices", orgTeams.teamChoices(caller, "", NamedChoice.MOST));
        model.addAttribute("cadences", Cadence.values());
        return "pulse/edit";
    }
}
