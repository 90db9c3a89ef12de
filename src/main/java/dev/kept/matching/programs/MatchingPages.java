package dev.kept.matching.programs;

import dev.kept.matching.ProgramRules;
import dev.kept.matching.ProgramRules.RegionPreference;
import dev.kept.matching.ProgramRules.TeamRule;
import dev.kept.matching.Weights;
import dev.kept.matching.programs.Views.ProfileView;
import dev.kept.matching.programs.Views.ProgramView;
import dev.kept.matching.programs.Views.ProposalView;
import dev.kept.matching.programs.Views.RunView;
import dev.kept.partnerships.Cadence;
import dev.kept.partnerships.Partnerships;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.Strengths;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The matching pages: the programs and my matches, a new program (admins), a program with the
 * opt-in form, its runs (admins) and one match with its reasons, to accept or decline.
 */
@Controller
class MatchingPages {

    private final MatchingPrograms programs;
    private final People people;
    private final Partnerships partnerships;

    MatchingPages(MatchingPrograms programs, People people, Partnerships partnerships) {
        this.programs = programs;
        this.people = people;
        this.partnerships = partnerships;
    }

    record ProgramForm(
            @NotBlank @Size(max = 120) String name,
            List<UUID> teamIds,
            // ISO both ways: a date input sends it, and shows nothing for any other format
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate optInUntil,
            Boolean avoidPreviousPartners,
            @NotNull TeamRule team,
            @NotNull RegionPreference region,
            @PositiveOrZero @Max(100) Integer largestLevelGap,
            @NotNull @DecimalMin("0") @DecimalMax("100") Double growthMetByStrength,
            @NotNull @DecimalMin("0") @DecimalMax("100") Double mutualRespect,
            @NotNull @DecimalMin("0") @DecimalMax("100") Double otherTeam,
            @NotNull @DecimalMin("0") @DecimalMax("100") Double regionPreference,
            @NotNull @DecimalMin("0") @DecimalMax("100") Double levelCloseness,
            @NotNull @DecimalMin("0") @DecimalMax("100") Double workingHoursOverlap,
            @NotNull @DecimalMin("0") @DecimalMax("100") Double sameCadence,
            List<UUID> coachIds) {

        static ProgramForm defaults() {
            ProgramRules rules = ProgramRules.defaults();
            Weights w = Weights.defaults();
            return new ProgramForm(
                    "",
                    List.of(),
                    null,
                    rules.avoidPreviousPartners(),
                    rules.team(),
                    rules.region(),
                    null,
                    w.growthMetByStrength(),
                    w.mutualRespect(),
                    w.otherTeam(),
                    w.regionPreference(),
                    w.levelCloseness(),
                    w.workingHoursOverlap(),
                    w.sameCadence(),
                    List.of());
        }

        /** A program's current settings, the deadline as the day it ends on where the admin is. */
        static ProgramForm of(ProgramView program, ZoneId zone) {
            ProgramRules rules = program.rules();
            Weights w = program.weights();
            return new ProgramForm(
                    program.name(),
                    program.teamIds(),
                    program.optInUntil() == null
                            ? null
                            : program.optInUntil().minusSeconds(1).atZone(zone).toLocalDate(),
                    rules.avoidPreviousPartners(),
                    rules.team(),
                    rules.region(),
                    rules.largestLevelGap(),
                    w.growthMetByStrength(),
                    w.mutualRespect(),
                    w.otherTeam(),
                    w.regionPreference(),
                    w.levelCloseness(),
                    w.workingHoursOverlap(),
                    w.sameCadence(),
                    program.coaches().stream().map(Views.PersonRef::id).toList());
        }

        ProgramDraft toDraft(ZoneId zone) {
            return new ProgramDraft(
                    name,
                    teamIds,
                    // the deadline is the end of the chosen day where the admin is
                    optInUntil == null
                            ? null
                            : optInUntil.plusDays(1).atStartOfDay(zone).toInstant(),
                    new ProgramDraft.RulesDraft(
                            Boolean.TRUE.equals(avoidPreviousPartners), team, region, largestLevelGap),
                    new ProgramDraft.WeightsDraft(
                            growthMetByStrength,
                            mutualRespect,
                            otherTeam,
                            regionPreference,
                            levelCloseness,
                            workingHoursOverlap,
                            sameCadence),
                    coachIds);
        }
    }

    record ProfileForm(
            @Size(max = 500) String strengths,
            @Size(max = 500) String growthAreas,
            List<UUID> respects,
            List<UUID> competitors,
            @Size(max = 64) String timeZone,
            Cadence preferredCadence) {

        static ProfileForm of(ProfileView profile, List<UUID> competitors) {
            return new ProfileForm(
                    String.join(", ", profile.strengths()),
                    String.join(", ", profile.growthAreas()),
                    profile.respects(),
                    competitors,
                    profile.timeZone(),
                    profile.preferredCadence());
        }

        ProfileDraft toDraft() {
            return new ProfileDraft(
                    Strengths.split(strengths),
                    Strengths.split(growthAreas),
                    respects == null ? List.of() : respects,
                    // every box unticked means no competitors: the form shows the whole list
                    competitors == null ? List.of() : competitors,
                    timeZone,
                    preferredCadence);
        }
    }

    @ModelAttribute("cadences")
    Cadence[] cadences() {
        return Cadence.values();
    }

    // --- the list and a new program ----------------------------------------------------------

    @GetMapping("/matching")
    String list(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("form", ProgramForm.defaults());
        return showList(caller, model);
    }

    @PostMapping("/matching")
    String create(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") ProgramForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                ProgramView created = programs.create(caller, form.toDraft(zoneOf(caller)));
                redirect.addFlashAttribute("notice", "The program is open: members can opt in now.");
                return "redirect:/matching/" + created.id();
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        return showList(caller, model);
    }

    private String showList(Caller caller, Model model) {
        model.addAttribute("programs", programs.list(caller));
        model.addAttribute("proposals", programs.proposals(caller));
        addSettingsChoices(caller, model);
        return "matching/list";
    }

    // --- changing a program --------------------------------------------------------------------

    @GetMapping("/matching/{id}/edit")
    String edit(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        people.requireAdmin(caller);
        ProgramView program = programs.get(caller, id);
        model.addAttribute("form", ProgramForm.of(program, zoneOf(caller)));
        return showEdit(caller, program, model);
    }

    @PostMapping("/matching/{id}/edit")
    String update(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ProgramForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        people.requireAdmin(caller);
        if (!errors.hasErrors()) {
            try {
                programs.update(caller, id, form.toDraft(zoneOf(caller)));
                redirect.addFlashAttribute("notice", "The program's settings are saved.");
                return "redirect:/matching/" + id;
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        return showEdit(caller, programs.get(caller, id), model);
    }

    private String showEdit(Caller caller, ProgramView program, Model model) {
        model.addAttribute("program", program);
        addSettingsChoices(caller, model);
        return "matching/edit";
    }

    // What the settings form (matching/program-fields) offers to choose from.
    private void addSettingsChoices(Caller caller, Model model) {
        model.addAttribute("teams", people.teams(caller));
        model.addAttribute("members", people.people(caller));
        model.addAttribute("teamRules", TeamRule.values());
        model.addAttribute("regionPreferences", RegionPreference.values());
    }

    // --- a program ---------------------------------------------------------------------------

    @GetMapping("/matching/{id}")
    String program(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        ProfileView profile = programs.profileOrDefaults(caller, id);
        model.addAttribute("profileForm", ProfileForm.of(profile, partnerships.competitors(caller)));
        return showProgram(caller, id, model);
    }

    @PostMapping("/matching/{id}/participants")
    String optIn(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("profileForm") ProfileForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                boolean joined = programs.optIn(caller, id, form.toDraft()).joined();
                redirect.addFlashAttribute(
                        "notice",
                        joined ? "You are in. You will be told when you have a match." : "Your profile is saved.");
                return "redirect:/matching/" + id;
            } catch (RuleViolationException broken) {
                if ("personIds".equals(broken.field())) {
                    errors.rejectValue("competitors", broken.reason(), broken.detail());
                } else {
                    broken.rejectOn(errors);
                }
            } catch (ConflictException | ForbiddenException refused) {
                errors.reject("REFUSED", refused.getBody().getDetail());
            }
        }
        return showProgram(caller, id, model);
    }

    @PostMapping("/matching/{id}/participants/delete")
    String optOut(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return act("/matching/" + id, redirect, "You opted out.", () -> {
            programs.optOut(caller, id);
            return null;
        });
    }

    @PostMapping("/matching/{id}/coaches")
    String coaches(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) List<UUID> coachIds,
            RedirectAttributes redirect) {
        return act(
                "/matching/" + id,
                redirect,
                "The coaches are saved.",
                () -> programs.setCoaches(caller, id, coachIds == null ? List.of() : coachIds));
    }

    @PostMapping("/matching/{id}/runs")
    String run(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            RunView run = programs.run(caller, id);
            redirect.addFlashAttribute("notice", "Matched. Everyone in a match is asked to accept it.");
            return "redirect:/matching/" + id + "/runs/" + run.id();
        } catch (ForbiddenException | ConflictException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
            return "redirect:/matching/" + id;
        }
    }

    @GetMapping("/matching/{id}/runs/{runId}")
    String runPage(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID runId, Model model) {
        model.addAttribute("program", programs.get(caller, id));
        model.addAttribute("run", programs.run(caller, id, runId));
        return "matching/run";
    }

    private String showProgram(Caller caller, UUID id, Model model) {
        ProgramView program = programs.get(caller, id);
        model.addAttribute("program", program);
        Person me = people.me(caller);
        List<Person> members = people.people(caller);
        model.addAttribute(
                "others",
                members.stream().filter(p -> !p.getId().equals(me.getId())).toList());
        model.addAttribute("members", members);
        Map<UUID, String> teamNames = people.teams(caller).stream()
                .collect(Collectors.toMap(dev.kept.people.Team::getId, dev.kept.people.Team::getName));
        model.addAttribute(
                "teamNames", program.teamIds().stream().map(teamNames::get).toList());
        Set<UUID> coachIds = new HashSet<>();
        program.coaches().forEach(coach -> coachIds.add(coach.id()));
        model.addAttribute("coachIds", coachIds);
        if (me.isAdmin()) {
            model.addAttribute("runs", programs.runs(caller, id));
        }
        return "matching/program";
    }

    // --- a match -----------------------------------------------------------------------------

    @GetMapping("/matching/proposals/{id}")
    String proposal(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        model.addAttribute("proposal", programs.proposal(caller, id));
        return "matching/proposal";
    }

    @PostMapping("/matching/proposals/{id}/accept")
    String accept(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            ProposalView answered = programs.accept(caller, id);
            redirect.addFlashAttribute(
                    "notice",
                    answered.status() == ProposalStatus.WITHDRAWN
                            ? "This match can no longer be formed. The next run matches you again."
                            : "You accepted.");
        } catch (RuleViolationException | ConflictException | ForbiddenException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/matching/proposals/" + id;
    }

    @PostMapping("/matching/proposals/{id}/decline")
    String decline(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                "/matching/proposals/" + id,
                redirect,
                "You declined. The next run matches you with someone else.",
                () -> programs.decline(caller, id));
    }

    private static String act(String back, RedirectAttributes redirect, String notice, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (RuleViolationException | ConflictException | ForbiddenException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:" + back;
    }

    private ZoneId zoneOf(Caller caller) {
        try {
            return ZoneId.of(people.me(caller).getTimeZone());
        } catch (RuntimeException unknown) {
            return ZoneId.of("UTC");
        }
    }
}
