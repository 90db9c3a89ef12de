package dev.kept.people;

import dev.kept.shared.Answers;
import dev.kept.shared.NeverAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** People and teams over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "People and teams")
class PeopleApi {

    private final People people;

    PeopleApi(People people) {
        this.people = people;
    }

    record TeamBody(@NotBlank @Size(max = 80) String name, UUID leadId) {}

    record TeamView(UUID id, String name, UUID leadId) {
        static TeamView of(Team team) {
            return new TeamView(team.getId(), team.getName(), team.getLeadId());
        }
    }

    record OrganizationView(UUID id, String name, boolean apiTokensMayNeverExpire) {
        static OrganizationView of(Organization organization) {
            return new OrganizationView(
                    organization.getId(), organization.getName(), organization.mayApiTokensNeverExpire());
        }
    }

    record OrganizationSettings(Boolean apiTokensMayNeverExpire) {}

    @GetMapping("/organization")
    @Operation(summary = "The caller's organization and its settings")
    OrganizationView organization(@AuthenticationPrincipal Caller caller) {
        return OrganizationView.of(people.organization(caller));
    }

    @PatchMapping("/organization")
    @Operation(
            summary =
                    "Change the organization's settings (admin): apiTokensMayNeverExpire; a field left out stays as it"
                            + " is. Stopping tokens that never expire gives the existing ones 90 days from then")
    OrganizationView changeOrganization(
            @AuthenticationPrincipal Caller caller, @RequestBody OrganizationSettings settings) {
        return OrganizationView.of(people.changeOrganizationSettings(caller, settings.apiTokensMayNeverExpire()));
    }

    @GetMapping("/me")
    @Operation(summary = "The caller as a person")
    PersonView me(@AuthenticationPrincipal Caller caller) {
        Person me = people.me(caller);
        return PersonView.of(me, people.strengthsOf(me.getOrganizationId(), me.getId()));
    }

    record StrengthsBody(@NotNull List<String> strengths) {}

    @PutMapping("/me/strengths")
    @Operation(
            summary = "Replace the caller's strengths (areas of expertise): at most 10 tags of 1 to 40 characters,"
                    + " stored trimmed and in lower case")
    PersonView updateStrengths(@AuthenticationPrincipal Caller caller, @Valid @RequestBody StrengthsBody body) {
        List<String> strengths = people.updateStrengths(caller, body.strengths());
        return PersonView.of(people.me(caller), strengths);
    }

    @GetMapping("/me/preferences")
    @Operation(
            summary = "The caller's reminder preferences: hours before a check-in, which reminders come by e-mail,"
                    + " the weekly digest")
    Preferences preferences(@AuthenticationPrincipal Caller caller) {
        return people.preferences(caller);
    }

    @PutMapping("/me/preferences")
    @Operation(summary = "Change the caller's reminder preferences (all fields; checkInReminderHours 1 to 168)")
    Preferences updatePreferences(@AuthenticationPrincipal Caller caller, @Valid @RequestBody Preferences preferences) {
        return people.updatePreferences(caller, preferences);
    }

    @PostMapping("/people")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a person (admin): the invitation e-mail is sent")
    PersonView invite(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PersonDetails details) {
        return PersonView.of(people.invite(caller, details));
    }

    @GetMapping("/people")
    @Operation(summary = "Everyone in the caller's organization")
    List<PersonView> people(@AuthenticationPrincipal Caller caller) {
        return people.people(caller).stream().map(PersonView::of).toList();
    }

    @GetMapping("/people/{id}")
    PersonView person(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Person person = people.person(caller, id);
        return PersonView.of(person, people.strengthsOf(person.getOrganizationId(), person.getId()));
    }

    @NeverAnswers(409)
    @PatchMapping("/people/{id}")
    @Operation(summary = "Change a person (admin): managerId, teamId, region, title, role; null clears a field")
    PersonView update(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody JsonNode body) {
        return PersonView.of(people.update(caller, id, PatchReader.personChanges(body)));
    }

    @Answers(status = 422, description = "The person has already accepted their invitation (reason ALREADY_ACTIVE)")
    @NeverAnswers(409)
    @PostMapping("/people/{id}/invitation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a new invitation link (admin); earlier links stop working")
    void resend(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        people.resendInvitation(caller, id);
    }

    @PostMapping("/teams")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Form a team (admin)")
    TeamView createTeam(@AuthenticationPrincipal Caller caller, @Valid @RequestBody TeamBody body) {
        return TeamView.of(people.createTeam(caller, body.name(), body.leadId()));
    }

    @GetMapping("/teams")
    List<TeamView> teams(@AuthenticationPrincipal Caller caller) {
        return people.teams(caller).stream().map(TeamView::of).toList();
    }

    @GetMapping("/teams/{id}")
    TeamView team(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return TeamView.of(people.team(caller, id));
    }

    @NeverAnswers(409)
    @PatchMapping("/teams/{id}")
    @Operation(summary = "Rename a team or change its lead (admin); leadId null removes the lead")
    TeamView updateTeam(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody JsonNode body) {
        PatchReader reader = new PatchReader(body, List.of("name", "leadId"));
        Optional<String> name = reader.text("name", 80);
        if (name != null && name.isEmpty()) {
            throw PatchReader.invalid("name", "must not be blank");
        }
        return TeamView.of(people.updateTeam(caller, id, name == null ? null : name.get(), reader.id("leadId")));
    }
}
