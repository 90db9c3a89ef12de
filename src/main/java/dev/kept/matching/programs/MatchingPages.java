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
import dev.kept.partnerships.Partnering;
import dev.kept.partnerships.Partnerships;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.Strengths;
import dev.kept.people.TeamField;
import dev.kept.people.Teams;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.MorePages;
import dev.kept.shared.NamedChoice;
import dev.kept.shared.Page;
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
import org.springframework.web.bind.annotation.RequestHeader;
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
    private final Teams orgTeams;
    private final Partnerships partnerships;
    private final Partnering partnering;

    MatchingPages(
            MatchingPrograms programs,
            People people,
            Teams orgTeams,
            Partnerships partnerships,
            Partnering partnering) {
        this.programs = programs;
        this.people = people;
        this.orgTeams = orgTeams;
        this.partnerships = partnerships;
        this.partnering = partnering;
    }

    record ProgramForm(
            @NotBlank @Size(max = 120) String name,
            @Size(max = ProgramDraft.MOST_TEAMS) List<UUID> teamIds,
            @Size(max = NamedChoice.LONGEST_SEARCH) String teamName,
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
            List<UUID> coachIds,
            @Size(max = 254) String coachEmail) {

        static ProgramForm defaults() {
            ProgramRules rules = ProgramRules.defaults();
            Weights w = Weights.defaults();
            return new ProgramForm(
                    "",
                    List.of(),
                    "",
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
                    List.of(),
                    "");
        }

        /** A program's current settings, the deadline as the day it ends on where the admin is. */
        static ProgramForm of(ProgramView program, ZoneId zone) {
            ProgramRules rules = program.rules();
            Weights w = program.weights();
            return new ProgramForm(
                    program.name(),
                    program.teamIds(),
                    "",
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
                    program.coaches().stream().map(Views.PersonRef::id).toList(),
                    "");
        }

        /** The draft for the teams chosen, with the coach named by e-mail, if any, among the coaches. */
        ProgramDraft toDraft(ZoneId zone, TeamField teams, UUID coachByEmail) {
            return new ProgramDraft(
                    name,
                    teams.ids(),
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
                    withOne(coachIds, coachByEmail));
        }
    }

    record ProfileForm(
            @Size(max = 500) String strengths,
            @Size(max = 500) String growthAreas,
            List<UUID> respects,
            @Size(max = 254) String respectEmail,
            List<UUID> competitors,
            @Size(max = 254) String competitorEmail,
            @Size(max = 64) String timeZone,
            Cadence preferredCadence) {

        static ProfileForm of(ProfileView profile, List<UUID> competitors) {
            return new ProfileForm(
                    String.join(", ", profile.strengths()),
                    String.join(", ", profile.growthAreas()),
                    profile.respects(),
                    "",
                    competitors,
                    "",
                    profile.timeZone(),
                    profile.preferredCadence());
        }

        /** The draft with the people named by e-mail, if any, added to those ticked. */
        ProfileDraft toDraft(UUID respectedByEmail, UUID competitorByEmail) {
            return new ProfileDraft(
                    Strengths.split(strengths),
                    Strengths.split(growthAreas),
                    withOne(respects, respectedByEmail),
                    // every box unticked means no competitors: the form shows every one declared
                    withOne(competitors, competitorByEmail),
                    timeZone,
                    preferredCadence);
        }
    }

    private static List<UUID> withOne(List<UUID> ticked, UUID added) {
        List<UUID> all = new java.util.ArrayList<>(ticked == null ? List.of() : ticked);
        if (added != null && !all.contains(added)) {
            all.add(added);
        }
        return all;
    }

    @ModelAttribute("cadences")
    Cadence[] cadences() {
        return Cadence.values();
    }

    // --- the list and a new program ----------------------------------------------------------

    private static final String MATCHES = "matches";
    private static final String PROGRAMS = "programs";

    /**
     * My matches and the programs, each a page at a time, and the form for a new program. {@code
     * list} names the list {@code cursor} continues (the other starts at its first page); an htmx
     * request for it gets only its next rows and its next "Show more".
     */
    @GetMapping("/matching")
    String list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String list,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        if (htmx != null && cursor != null && (MATCHES.equals(list) || PROGRAMS.equals(list))) {
            Page<?> page = MATCHES.equals(list)
                    ? MorePages.pageOrFirst(from -> programs.proposals(caller, from, Page.DEFAULT), cursor)
                    : MorePages.pageOrFirst(from -> programs.list(caller, from, Page.DEFAULT), cursor);
            model.addAttribute("rows", page.items());
            model.addAttribute("moreHref", MorePages.moreHref("/matching", list, page));
            model.addAttribute("list", list);
            return "matching/list :: more-rows";
        }
        model.addAttribute("form", ProgramForm.defaults());
        return showList(caller, model, list, cursor);
    }

    @PostMapping("/matching")
    String create(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") ProgramForm form,
            BindingResult errors,
            @RequestParam(required = false) String addTeam,
            Model model,
            RedirectAttributes redirect) {
        TeamField teams = teamField(caller, form);
        if (!teams.showOn(model, errors, addTeam != null) && !errors.hasErrors()) {
            try {
                UUID coach = people.memberByEmail(caller, form.coachEmail(), "coachEmail");
                ProgramView created = programs.create(caller, form.toDraft(zoneOf(caller), teams, coach));
                redirect.addFlashAttribute("notice", "The program is open: members can opt in now.");
                return "redirect:/matching/" + created.id();
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        return showList(caller, model, null, null);
    }

    private String showList(Caller caller, Model model, String continued, String cursor) {
        Page<ProposalView> matches = MorePages.pageOrFirst(
                from -> programs.proposals(caller, from, Page.DEFAULT), MATCHES.equals(continued) ? cursor : null);
        Page<ProgramView> list = MorePages.pageOrFirst(
                from -> programs.list(caller, from, Page.DEFAULT), PROGRAMS.equals(continued) ? cursor : null);
        model.addAttribute("proposals", matches.items());
        model.addAttribute("matchesMore", MorePages.moreHref("/matching", MATCHES, matches));
        model.addAttribute("programs", list.items());
        model.addAttribute("programsMore", MorePages.moreHref("/matching", PROGRAMS, list));
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
            @RequestParam(required = false) String addTeam,
            Model model,
            RedirectAttributes redirect) {
        people.requireAdmin(caller);
        TeamField teams = teamField(caller, form);
        if (!teams.showOn(model, errors, addTeam != null) && !errors.hasErrors()) {
            try {
                UUID coach = people.memberByEmail(caller, form.coachEmail(), "coachEmail");
                programs.update(caller, id, form.toDraft(zoneOf(caller), teams, coach));
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

    // Who may join: the teams the form names, ticked, and the one typed in its search field
    private TeamField teamField(Caller caller, ProgramForm form) {
        return orgTeams.teamField(caller, form.teamIds(), form.teamName(), "teamName", ProgramDraft.MOST_TEAMS);
    }

    // What the settings form (matching/program-fields) offers to choose from: the teams and the
    // coaches the form names, to keep or untick, and a field to add one of each, rather than the
    // whole organization
    private void addSettingsChoices(Caller caller, Model model) {
        ProgramForm form = (ProgramForm) model.getAttribute("form");
        List<UUID> coaches = form == null || form.coachIds() == null ? List.of() : form.coachIds();
        if (!model.containsAttribute(TeamField.ATTRIBUTE) && form != null) {
            model.addAttribute(TeamField.ATTRIBUTE, teamField(caller, form));
        }
        model.addAttribute(
                "coachChoices",
                choices(
                        coaches,
                        people.peopleIn(
                                caller.organizationId(),
                                coaches.stream()
                                        .filter(java.util.Objects::nonNull)
                                        .collect(Collectors.toSet()))));
        model.addAttribute("teamRules", TeamRule.values());
        model.addAttribute("regionPreferences", RegionPreference.values());
    }

    // --- a program ---------------------------------------------------------------------------

    /**
     * A program with the opt-in form and, for an admin, its runs a page at a time ({@code cursor}
     * continues them; an htmx request gets only the next rows and the next "Show more").
     */
    @GetMapping("/matching/{id}")
    String program(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        if (htmx != null && cursor != null) {
            Page<Views.RunSummary> runs =
                    MorePages.pageOrFirst(from -> programs.runs(caller, id, from, Page.DEFAULT), cursor);
            model.addAttribute("program", programs.get(caller, id));
            model.addAttribute("runs", runs.items());
            model.addAttribute("runsMore", MorePages.moreHref("/matching/" + id, RUNS, runs));
            return "matching/program :: more-runs";
        }
        ProfileView profile = programs.profileOrDefaults(caller, id);
        model.addAttribute("profileForm", ProfileForm.of(profile, partnering.competitors(caller)));
        return showProgram(caller, id, model, cursor);
    }

    private static final String RUNS = "runs";

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
                UUID respected = people.memberByEmail(caller, form.respectEmail(), "respectEmail");
                UUID competitor = people.memberByEmail(caller, form.competitorEmail(), "competitorEmail");
                boolean joined = programs.optIn(caller, id, form.toDraft(respected, competitor))
                        .joined();
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
        return showProgram(caller, id, model, null);
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
            @RequestParam(required = false) String coachEmail,
            RedirectAttributes redirect) {
        return act("/matching/" + id, redirect, "The coaches are saved.", () -> {
            UUID added = people.memberByEmail(caller, coachEmail, "coachEmail");
            return programs.setCoaches(caller, id, withOne(coachIds, added));
        });
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

    private static final List<String> RUN_LISTS = List.of("pairs", "trios", "unmatched");

    /**
     * One run: how many it matched and what became of its proposals, then its pairs, trios and
     * unmatched people, each a page at a time. {@code list} names the list {@code cursor}
     * continues; an htmx request for it gets only its next rows and its next "Show more".
     */
    @GetMapping("/matching/{id}/runs/{runId}")
    String runPage(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID runId,
            @RequestParam(required = false) String list,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        String path = "/matching/" + id + "/runs/" + runId;
        if (htmx != null && cursor != null && RUN_LISTS.contains(list)) {
            Page<?> page = runList(caller, id, runId, list, cursor);
            model.addAttribute("rows", page.items());
            model.addAttribute("moreHref", MorePages.moreHref(path, list, page));
            model.addAttribute("list", list);
            return "matching/run :: more-rows";
        }
        RunView run = programs.run(caller, id, runId);
        model.addAttribute("program", programs.get(caller, id));
        model.addAttribute("run", run);
        for (String name : RUN_LISTS) {
            // the run holds the first page of its pairs
            Page<?> page = name.equals("pairs") && !name.equals(list)
                    ? new Page<>(run.pairs(), run.pairsNext())
                    : runList(caller, id, runId, name, name.equals(list) ? cursor : null);
            model.addAttribute(name, page.items());
            model.addAttribute(name + "More", MorePages.moreHref(path, name, page));
        }
        return "matching/run";
    }

    private Page<?> runList(Caller caller, UUID id, UUID runId, String list, String cursor) {
        return switch (list) {
            case "pairs" ->
                MorePages.pageOrFirst(from -> programs.pairs(caller, id, runId, from, Page.DEFAULT), cursor);
            case "trios" ->
                MorePages.pageOrFirst(from -> programs.trios(caller, id, runId, from, Page.DEFAULT), cursor);
            default -> MorePages.pageOrFirst(from -> programs.unmatched(caller, id, runId, from, Page.DEFAULT), cursor);
        };
    }

    private String showProgram(Caller caller, UUID id, Model model, String cursor) {
        ProgramView program = programs.get(caller, id);
        model.addAttribute("program", program);
        Person me = people.me(caller);
        ProfileForm form = (ProfileForm) model.getAttribute("profileForm");
        // the people the form names, to keep or untick; anyone else is added by e-mail
        Set<UUID> named = new HashSet<>();
        if (form != null) {
            named.addAll(form.respects() == null ? List.of() : form.respects());
            named.addAll(form.competitors() == null ? List.of() : form.competitors());
        }
        named.remove(me.getId());
        named.remove(null);
        Map<UUID, Person> chosen = people.peopleIn(caller.organizationId(), named);
        model.addAttribute("respected", choices(form == null ? null : form.respects(), chosen));
        model.addAttribute("declared", choices(form == null ? null : form.competitors(), chosen));
        model.addAttribute(
                "teamNames",
                orgTeams.teamsIn(caller, program.teamIds()).stream()
                        .map(NamedChoice::name)
                        .toList());
        if (me.isAdmin()) {
            Page<Views.RunSummary> runs =
                    MorePages.pageOrFirst(from -> programs.runs(caller, id, from, Page.DEFAULT), cursor);
            model.addAttribute("runs", runs.items());
            model.addAttribute("runsMore", MorePages.moreHref("/matching/" + id, RUNS, runs));
        }
        return "matching/program";
    }

    // the people of these ids the organization has, by name, for checkboxes
    private static List<Person> choices(List<UUID> ids, Map<UUID, Person> people) {
        if (ids == null) {
            return List.of();
        }
        return ids.stream()
                .distinct()
                .map(people::get)
                .filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(Person::getName))
                .toList();
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
