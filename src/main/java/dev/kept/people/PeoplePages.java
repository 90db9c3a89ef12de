package dev.kept.people;

import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory, a person's page (with the admin's edit form), teams, and the organization chart. */
@Controller
class PeoplePages {

    private final People people;

    PeoplePages(People people) {
        this.people = people;
    }

    record PersonForm(
            UUID managerId,
            UUID teamId,
            @Size(max = 80) String region,
            @Size(max = 120) String title,
            Role role,
            @Min(1) @Max(20) Integer level) {}

    record TeamForm(@NotBlank @Size(max = 80) String name, UUID leadId) {}

    record OrganizationForm(Boolean apiTokensMayNeverExpire) {}

    @PostMapping("/settings/organization")
    String changeOrganization(
            @AuthenticationPrincipal Caller caller,
            @ModelAttribute("organizationForm") OrganizationForm form,
            RedirectAttributes redirect) {
        // an unticked box sends nothing
        people.changeOrganizationSettings(caller, Boolean.TRUE.equals(form.apiTokensMayNeverExpire()));
        redirect.addFlashAttribute("notice", "Saved.");
        return "redirect:/people";
    }

    @GetMapping("/people")
    String directory(@AuthenticationPrincipal Caller caller, Model model) {
        showDirectory(caller, model);
        model.addAttribute("form", new PersonDetails("", "", "", null, "", null, null));
        return "people/list";
    }

    @PostMapping("/people")
    String invite(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") PersonDetails form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        people.requireAdmin(caller);
        if (!errors.hasErrors()) {
            try {
                Person invited = people.invite(caller, form);
                redirect.addFlashAttribute(
                        "notice", "Invitation sent to " + invited.getName() + " (" + invited.getEmail() + ").");
                return "redirect:/people";
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        showDirectory(caller, model);
        return "people/list";
    }

    @GetMapping("/people/{id}")
    String person(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        Person person = people.person(caller, id);
        model.addAttribute(
                "form",
                new PersonForm(
                        person.getManagerId(),
                        person.getTeamId(),
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
                people.update(
                        caller,
                        id,
                        new PersonChanges(
                                Optional.ofNullable(form.managerId()),
                                Optional.ofNullable(form.teamId()),
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
            people.resendInvitation(caller, id);
            redirect.addFlashAttribute("notice", "A new invitation was sent; earlier links no longer work.");
        } catch (RuleViolationException broken) {
            redirect.addFlashAttribute("notice", broken.detail());
        }
        return "redirect:/people/" + id;
    }

    @GetMapping("/teams")
    String teams(@AuthenticationPrincipal Caller caller, Model model) {
        showTeams(caller, model);
        model.addAttribute("form", new TeamForm("", null));
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
                Team team = people.createTeam(caller, form.name(), form.leadId());
                redirect.addFlashAttribute("notice", "Team " + team.getName() + " formed.");
                return "redirect:/teams";
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        showTeams(caller, model);
        return "people/teams";
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
                Team team = people.updateTeam(caller, id, form.name(), Optional.ofNullable(form.leadId()));
                redirect.addFlashAttribute("notice", "Team " + team.getName() + " saved.");
                return "redirect:/teams";
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        showTeams(caller, model);
        return "people/teams";
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
                people.updateProfile(caller, form.name(), form.timeZone());
                people.updateStrengths(caller, strengths);
                redirect.addFlashAttribute("notice", "Your profile is saved.");
                return "redirect:/settings/profile";
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        return "people/profile";
    }

    @GetMapping("/org-chart")
    String chart(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("chart", people.chart(caller));
        return "people/chart";
    }

    private void showDirectory(Caller caller, Model model) {
        List<Person> everyone = people.people(caller);
        model.addAttribute("people", everyone);
        model.addAttribute("byId", everyone.stream().collect(Collectors.toMap(Person::getId, Function.identity())));
        model.addAttribute("organization", people.organization(caller));
        showTeamNames(caller, model);
    }

    private void showPerson(Caller caller, Person person, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("strengths", people.strengthsOf(person.getOrganizationId(), person.getId()));
        model.addAttribute("people", people.people(caller));
        showTeamNames(caller, model);
        model.addAttribute(
                "manager", person.getManagerId() == null ? null : people.person(caller, person.getManagerId()));
        model.addAttribute("roles", Role.values());
    }

    private void showTeams(Caller caller, Model model) {
        List<Person> everyone = people.people(caller);
        model.addAttribute("teams", people.teams(caller));
        model.addAttribute("people", everyone);
        model.addAttribute("byId", everyone.stream().collect(Collectors.toMap(Person::getId, Function.identity())));
        model.addAttribute(
                "members",
                everyone.stream()
                        .filter(p -> p.getTeamId() != null)
                        .collect(Collectors.groupingBy(Person::getTeamId, Collectors.counting())));
    }

    private void showTeamNames(Caller caller, Model model) {
        List<Team> teams = people.teams(caller);
        model.addAttribute("teams", teams);
        model.addAttribute("teamNames", teams.stream().collect(Collectors.toMap(Team::getId, Team::getName)));
    }
}
