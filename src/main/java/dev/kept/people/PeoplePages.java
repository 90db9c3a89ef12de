package dev.kept.people;

import dev.kept.shared.ConflictException;
import dev.kept.shared.MorePages;
import dev.kept.shared.NamedChoice;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The directory, a person's page (with the admin's edit form), teams, and the organization chart.
 * Lists show a page at a time; where a form names a person (a manager, a lead) it takes their
 * e-mail address rather than offering the whole organization in a picker.
 */
@Controller
class PeoplePages {

    private final People people;
    private final Accounts accounts;
    private final Invitations invites;
    private final Teams orgTeams;
    private final Offboarding offboarding;
    private final MessageSource messages;

    // how many people whose manager was deactivated the admin's notice names before "see all"
    static final int MANAGER_LEFT_NAMED = 5;

    PeoplePages(
            People people,
            Accounts accounts,
            Invitations invites,
            Teams orgTeams,
            Offboarding offboarding,
            MessageSource messages) {
        this.messages = messages;
        this.people = people;
        this.accounts = accounts;
        this.invites = invites;
        this.orgTeams = orgTeams;
        this.offboarding = offboarding;
    }

    /**
     * A person's place; the manager is named by e-mail and the team by its name ({@code managerId}
     * and {@code teamId} are still read when no e-mail or team name is sent).
     */
    record PersonForm(
            UUID managerId,
            @Size(max = 254) String managerEmail,
            UUID teamId,
            @Size(max = NamedChoice.LONGEST_SEARCH) String teamName,
            @Size(max = 80) String region,
            @Size(max = 120) String title,
            Role role,
            @Min(1) @Max(20) Integer level) {}

    /** A team's name and lead, the lead named by e-mail ({@code leadId} is still read when no e-mail is sent). */
    record TeamForm(
            @NotBlank @Size(max = 80) String name,
            UUID leadId,
            @Size(max = 254) String leadEmail) {}

    /** Who an admin invites on the page: as {@link PersonDetails}, with the manager named by e-mail. */
    record InviteForm(
            @NotBlank @Size(max = 120) String name,

            @NotBlank @Size(max = 254) @jakarta.validation.constraints.Email(regexp = ".+@.+\\..+")
            String email,

            @Size(max = 120) String title,
            UUID teamId,
            @Size(max = NamedChoice.LONGEST_SEARCH) String teamName,
            @Size(max = 80) String region,
            @Size(max = 254) String managerEmail,
            @Min(1) @Max(20) Integer level) {}

    private static final int LONGEST_SEARCH = 120;

    record OrganizationForm(Boolean apiTokensMayNeverExpire) {}

    @PostMapping("/settings/organization")
    String changeOrganization(
            @AuthenticationPrincipal Caller caller,
            @ModelAttribute("organizationForm") OrganizationForm form,
            RedirectAttributes redirect) {
        // an unticked box sends nothing
        accounts.changeOrganizationSettings(caller, Boolean.TRUE.equals(form.apiTokensMayNeverExpire()));
        redirect.addFlashAttribute("notice", "Saved.");
        return "redirect:/people";
    }

    @GetMapping("/people")
    String directory(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID team,
            @RequestParam(required = false) String teamName,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) PeopleSearch.Among among,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Teams.TeamFilter teamFilter = orgTeams.teamFilter(caller, team, teamName);
        model.addAttribute("teamFilter", teamFilter);
        PeopleSearch search = new PeopleSearch(cut(q), teamFilter.teamId(), cut(title), among);
        showDirectory(caller, search, cursor, model);
        if (htmx != null) {
            model.addAttribute("htmx", true);
            return "people/list :: more-people";
        }
        model.addAttribute("form", new InviteForm("", "", "", null, "", "", "", null));
        return "people/list";
    }

    @PostMapping("/people")
    String invite(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") InviteForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        people.requireAdmin(caller);
        if (!errors.hasErrors()) {
            try {
                UUID manager = people.memberByEmail(caller, form.managerEmail(), "managerEmail");
                UUID team = orgTeams.teamNamedOrGiven(caller, form.teamName(), form.teamId(), "teamName");
                Person invited = invites.invite(
                        caller,
                        new PersonDetails(
                                form.name(), form.email(), form.title(), team, form.region(), manager, form.level()));
                redirect.addFlashAttribute(
                        "notice", "Invitation sent to " + invited.getName() + " (" + invited.getEmail() + ").");
                return "redirect:/people";
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        showDirectory(caller, PeopleSearch.ANYONE, null, model);
        return "people/list";
    }

    @GetMapping("/people/{id}")
    String person(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        Person person = people.person(caller, id);
        model.addAttribute(
                "form",
                new PersonForm(
                        person.getManagerId(),
                        person.getManagerId() == null
                                ? ""
                                : people.personIn(caller.organizationId(), person.getManagerId())
                                        .map(Person::getEmail)
                                        .orElse(""),
                        person.getTeamId(),
                        orgTeams.teamName(caller, person.getTeamId()).orElse(""),
                        person.getRegion(),
                        person.getTitle(),
                        person.getRole(),
                        person.getLevel()));
        showPerson(caller, person, model);
        return "people/person";
    }

    @PostMapping("/people/{id}")
    String update(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        people.requireAdmin(caller);
        if (!errors.hasErrors()) {
            try {
                UUID manager = form.managerEmail() == null
                        ? form.managerId()
                        : currentManagerOr(
                                caller,
                                id,
                                form.managerEmail(),
                                () -> people.memberByEmail(caller, form.managerEmail(), "managerEmail"));
                UUID team = orgTeams.teamNamedOrGiven(caller, form.teamName(), form.teamId(), "teamName");
                people.update(
                        caller,
                        id,
                        new PersonChanges(
                                Optional.ofNullable(manager),
                                Optional.ofNullable(team),
                                Optional.ofNullable(form.region()),
                                Optional.ofNullable(form.title()),
                                form.role(),
                                Optional.ofNullable(form.level())));
                redirect.addFlashAttribute("notice", "Saved.");
                return "redirect:/people/" + id;
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        showPerson(caller, people.person(caller, id), model);
        return "people/person";
    }

    @PostMapping("/people/{id}/invitation")
    String resend(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            invites.resendInvitation(caller, id);
            redirect.addFlashAttribute("notice", "A new invitation was sent; earlier links no longer work.");
        } catch (RuleViolationException broken) {
            redirect.addFlashAttribute("notice", broken.detail());
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("notice", refused.getBody().getDetail());
        }
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/deactivate")
    String deactivate(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) Boolean confirm,
            RedirectAttributes redirect) {
        if (!Boolean.TRUE.equals(confirm)) {
            people.requireAdmin(caller);
            redirect.addFlashAttribute("notice", message("people.deactivate.unconfirmed"));
            return "redirect:/people/" + id;
        }
        try {
            Person gone = offboarding.deactivate(caller, id);
            redirect.addFlashAttribute("notice", message("people.deactivated", gone.getName()));
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("notice", refused.getBody().getDetail());
        }
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            Person back = offboarding.reactivate(caller, id);
            redirect.addFlashAttribute(
                    "notice",
                    message(back.isActive() ? "people.reactivated" : "people.reactivated.invite", back.getName()));
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("notice", refused.getBody().getDetail());
        }
        return "redirect:/people/" + id;
    }

    @GetMapping("/teams")
    String teams(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        showTeams(caller, cursor, model);
        if (htmx != null) {
            model.addAttribute("htmx", true);
            return "people/teams :: more-teams";
        }
        model.addAttribute("form", new TeamForm("", null, ""));
        return "people/teams";
    }

    @PostMapping("/teams")
    String createTeam(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") TeamForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        people.requireAdmin(caller);
        if (!errors.hasErrors()) {
            try {
                Team team = orgTeams.createTeam(caller, form.name(), lead(caller, form));
                redirect.addFlashAttribute("notice", "Team " + team.getName() + " formed.");
                return "redirect:/teams/" + team.getId();
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        showTeams(caller, null, model);
        return "people/teams";
    }

    @GetMapping("/teams/{id}")
    String team(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        TeamSummary team = orgTeams.teamSummary(caller, id);
        // a lead who was deactivated is not offered again: the admin chooses another
        String leadEmail = team.leadId() == null || team.leadLeft()
                ? ""
                : people.personIn(caller.organizationId(), team.leadId())
                        .map(Person::getEmail)
                        .orElse("");
        model.addAttribute("form", new TeamForm(team.name(), null, leadEmail));
        model.addAttribute("team", team);
        return "people/team";
    }

    @PostMapping("/teams/{id}")
    String updateTeam(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") TeamForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        people.requireAdmin(caller);
        if (!errors.hasErrors()) {
            try {
                Team team = orgTeams.updateTeam(caller, id, form.name(), Optional.ofNullable(lead(caller, form)));
                redirect.addFlashAttribute("notice", "Team " + team.getName() + " saved.");
                return "redirect:/teams/" + id;
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        model.addAttribute("team", orgTeams.teamSummary(caller, id));
        return "people/team";
    }

    private UUID lead(Caller caller, TeamForm form) {
        return form.leadEmail() == null ? form.leadId() : people.memberByEmail(caller, form.leadEmail(), "leadEmail");
    }

    record ProfileForm(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 64) String timeZone,
            @Size(max = 600) String strengths) {}

    @GetMapping("/settings/profile")
    String profile(@AuthenticationPrincipal Caller caller, Model model) {
        Person me = people.me(caller);
        model.addAttribute(
                "form",
                new ProfileForm(
                        me.getName(),
                        me.getTimeZone(),
                        String.join(", ", people.strengthsOf(me.getOrganizationId(), me.getId()))));
        return "people/profile";
    }

    @PostMapping("/settings/profile")
    String updateProfile(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") ProfileForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                List<String> strengths =
                        Strengths.normalize(Strengths.split(form.strengths()), 0, Strengths.MOST, "strengths");
                accounts.updateProfile(caller, form.name(), form.timeZone());
                accounts.updateStrengths(caller, strengths);
                redirect.addFlashAttribute("notice", "Your profile is saved.");
                return "redirect:/settings/profile";
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        return "people/profile";
    }

    @GetMapping("/org-chart")
    String chart(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) UUID person,
            @RequestParam(required = false) boolean tops,
            Model model) {
        model.addAttribute("chart", people.chart(caller, person, tops));
        model.addAttribute("tops", tops);
        return "people/chart";
    }

    /**
     * A team search field's matches for {@code q}: at most {@code limit} (and never more than
     * {@link NamedChoice#MOST}) {@code <option>}s, the caller's own team first.
     */
    @GetMapping("/teams/choices")
    String teamChoices(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Size(max = NamedChoice.LONGEST_SEARCH) String q,
            @RequestParam(required = false) @Min(1) @Max(NamedChoice.MOST) Integer limit,
            Model model) {
        model.addAttribute("choices", orgTeams.teamChoices(caller, q, NamedChoice.limitOr(limit)));
        return "fragments/picker :: options";
    }

    private void showDirectory(Caller caller, PeopleSearch search, String cursor, Model model) {
        MorePages.show(model, "entries", from -> people.directory(caller, search, from, Page.DEFAULT), cursor);
        model.addAttribute("search", search);
        if (!model.containsAttribute("teamFilter")) {
            model.addAttribute("teamFilter", new Teams.TeamFilter(null, "", null));
        }
        model.addAttribute("organization", accounts.organization(caller));
        showTeamChoices(caller, model);
        if (people.isAdmin(caller) && search.among() == PeopleSearch.Among.PRESENT) {
            // a bounded notice: the first few by name, and the whole list a page at a time behind a link
            Page<DirectoryEntry> managerLeft = people.directory(
                    caller,
                    new PeopleSearch(null, null, null, PeopleSearch.Among.MANAGER_DEACTIVATED),
                    null,
                    MANAGER_LEFT_NAMED);
            model.addAttribute("managerLeft", managerLeft.items());
            model.addAttribute("managerLeftMore", managerLeft.hasNext());
        }
    }

    private void showPerson(Caller caller, Person person, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("isMe", person.getId().equals(caller.personId()));
        model.addAttribute("strengths", people.strengthsOf(person.getOrganizationId(), person.getId()));
        model.addAttribute(
                "personTeam", orgTeams.teamName(caller, person.getTeamId()).orElse(null));
        showTeamChoices(caller, model);
        model.addAttribute(
                "manager", person.getManagerId() == null ? null : people.person(caller, person.getManagerId()));
        model.addAttribute("roles", Role.values());
    }

    /**
     * The person's manager when the form names them again (they may have been deactivated since:
     * the line stays until the admin changes it), else the one {@code named} finds.
     */
    private UUID currentManagerOr(Caller caller, UUID personId, String email, Supplier<UUID> named) {
        Person person = people.person(caller, personId);
        if (person.getManagerId() != null) {
            Optional<Person> manager = people.personIn(caller.organizationId(), person.getManagerId());
            if (manager.isPresent() && manager.get().getEmail().equalsIgnoreCase(email.strip())) {
                return manager.get().getId();
            }
        }
        return named.get();
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }

    private void showTeams(Caller caller, String cursor, Model model) {
        MorePages.show(model, "teams", from -> orgTeams.teamPage(caller, from, Page.DEFAULT), cursor);
    }

    /** The first matches a team search field offers, before anything is typed. */
    private void showTeamChoices(Caller caller, Model model) {
        model.addAttribute("teamChoices", orgTeams.teamChoices(caller, "", NamedChoice.MOST));
    }

    private static String cut(String text) {
        return text == null || text.length() <= LONGEST_SEARCH ? text : text.substring(0, LONGEST_SEARCH);
    }
}
