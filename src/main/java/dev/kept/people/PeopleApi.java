package dev.kept.people;

import dev.kept.shared.Answers;
import dev.kept.shared.NeverAnswers;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** People and teams over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "People and teams")
class PeopleApi {

    private final People people;
    private final Accounts accounts;
    private final Invitations invites;
    private final Teams orgTeams;
    private final Offboarding offboarding;

    PeopleApi(People people, Accounts accounts, Invitations invites, Teams orgTeams, Offboarding offboarding) {
        this.people = people;
        this.accounts = accounts;
        this.invites = invites;
        this.orgTeams = orgTeams;
        this.offboarding = offboarding;
    }

    record TeamBody(@NotBlank @Size(max = 80) String name, UUID leadId) {}

    /**
     * A team: its lead (id and name, or null; {@code leadLeft} when that lead was deactivated and
     * another should be chosen) and how many members it has (listed by GET /people?team=).
     */
    record TeamView(UUID id, String name, UUID leadId, String leadName, boolean leadLeft, long members) {
        static TeamView of(TeamSummary team) {
            return new TeamView(
                    team.id(), team.name(), team.leadId(), team.leadName(), team.leadLeft(), team.members());
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
        return OrganizationView.of(accounts.organization(caller));
    }

    @PatchMapping("/organization")
    @Operation(
            summary =
                    "Change the organization's settings (admin): apiTokensMayNeverExpire; a field left out stays as it"
                            + " is. Stopping tokens that never expire gives the existing ones 90 days from then")
    OrganizationView changeOrganization(
            @AuthenticationPrincipal Caller caller, @RequestBody OrganizationSettings settings) {
        return OrganizationView.of(accounts.changeOrganizationSettings(caller, settings.apiTokensMayNeverExpire()));
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
        List<String> strengths = accounts.updateStrengths(caller, body.strengths());
        return PersonView.of(people.me(caller), strengths);
    }

    @GetMapping("/me/preferences")
    @Operation(
            summary = "The caller's reminder preferences: hours before a check-in, which reminders come by e-mail,"
                    + " the weekly digest, whether a new pulse round comes by e-mail")
    Preferences preferences(@AuthenticationPrincipal Caller caller) {
        return accounts.preferences(caller);
    }

    /**
     * What a client sends to change its preferences. {@code emailPulseRounds} came later: a client
     * that leaves it out, or sends null, leaves it as it is.
     */
    record PreferencesBody(
            @NotNull @Min(1) @Max(168) Integer checkInReminderHours,
            @NotNull Boolean emailCheckInReminders,
            @NotNull Boolean emailDueReminders,
            @NotNull Boolean emailOverdueReminders,
            @NotNull Boolean weeklyDigest,

            @Schema(
                    description = "whether a round of a pulse the caller is asked comes by e-mail too (it always"
                            + " shows in the app); true for everyone at first; left out or null: unchanged")
            Boolean emailPulseRounds) {

        Preferences over(Preferences current) {
            return new Preferences(
                    checkInReminderHours,
                    emailCheckInReminders,
                    emailDueReminders,
                    emailOverdueReminders,
                    weeklyDigest,
                    emailPulseRounds == null ? current.emailPulseRounds() : emailPulseRounds);
        }
    }

    @PutMapping("/me/preferences")
    @Operation(
            summary = "Change the caller's reminder preferences (checkInReminderHours 1 to 168; every field is"
                    + " needed but emailPulseRounds, which stays as it is when left out)")
    Preferences updatePreferences(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PreferencesBody body) {
        return accounts.updatePreferences(caller, body::over);
    }

    @PostMapping("/people")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a person (admin): the invitation e-mail is sent")
    PersonView invite(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PersonDetails details) {
        return PersonView.of(invites.invite(caller, details));
    }

    @Answers(status = 403, description = "among is DEACTIVATED or MANAGER_DEACTIVATED and the caller is not an admin")
    @GetMapping("/people")
    @Operation(
            summary = "The members of the caller's organization by name, a page at a time; q: a part of the name,"
                    + " team: a team's id, title: a part of the title (any case); among: PRESENT (the default,"
                    + " deactivated people left out), DEACTIVATED or MANAGER_DEACTIVATED (people whose manager was"
                    + " deactivated: reporting lines to fix), the last two for admins")
    ResponseEntity<PageAnswer<PersonView>> people(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Size(max = 120) String q,
            @RequestParam(required = false) UUID team,
            @RequestParam(required = false) @Size(max = 120) String title,
            @RequestParam(required = false) PeopleSearch.Among among,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        Page<DirectoryEntry> page =
                people.directory(caller, new PeopleSearch(q, team, title, among), cursor, Page.limitOr(limit));
        return PageAnswer.of(page.map(entry -> PersonView.of(entry.person())), limit);
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
    @Answers(status = 409, description = "The person was deactivated: reactivate them first (reason DEACTIVATED)")
    @PostMapping("/people/{id}/invitation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a new invitation link (admin); earlier links stop working")
    void resend(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        invites.resendInvitation(caller, id);
    }

    @PostMapping("/people/{id}/deactivate")
    @Operation(
            summary = "Deactivate a person (admin): they can no longer sign in, their sessions, API tokens, calendar"
                    + " links and invitation links stop, their partnerships end (each partner is told) and they"
                    + " leave matching programs; what they did stays under their name. 409 for oneself (reason"
                    + " SELF), the last admin (LAST_ADMIN) or someone deactivated already (ALREADY_DEACTIVATED)")
    PersonView deactivate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return PersonView.of(offboarding.deactivate(caller, id));
    }

    @PostMapping("/people/{id}/reactivate")
    @Operation(
            summary = "Reactivate a deactivated person (admin): they can sign in with their password again (someone"
                    + " who never set one is INVITED again: send them a new invitation); ended partnerships stay"
                    + " ended. 409 for someone not deactivated (reason NOT_DEACTIVATED)")
    PersonView reactivate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return PersonView.of(offboarding.reactivate(caller, id));
    }

    @PostMapping("/teams")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Form a team (admin)")
    TeamView createTeam(@AuthenticationPrincipal Caller caller, @Valid @RequestBody TeamBody body) {
        Team team = orgTeams.createTeam(caller, body.name(), body.leadId());
        return TeamView.of(orgTeams.teamSummary(caller, team.getId()));
    }

    @GetMapping("/teams")
    @Operation(summary = "The organization's teams by name, a page at a time, each with its lead and member count")
    ResponseEntity<PageAnswer<TeamView>> teams(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(
                orgTeams.teamPage(caller, cursor, Page.limitOr(limit)).map(TeamView::of), limit);
    }

    @GetMapping("/teams/{id}")
    @Operation(summary = "A team with its lead and member count; its members are GET /people?team={id}")
    TeamView team(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return TeamView.of(orgTeams.teamSummary(caller, id));
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
        Team team = orgTeams.updateTeam(caller, id, name == null ? null : name.get(), reader.id("leadId"));
        return TeamView.of(orgTeams.teamSummary(caller, team.getId()));
    }
}
