package dev.kept.people;

import dev.kept.shared.Cursor;
import dev.kept.shared.NamedChoice;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import dev.kept.shared.TransactionMemo;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teams of an organization: forming and changing them (admins), listing them a page at a time
 * with their leads and member counts, and who is in them, for the modules that tell or count a
 * team's people.
 */
@Service
public class Teams {

    private static final TransactionMemo.Memo TEAMS = new TransactionMemo.Memo("teams of an organization");

    private final TeamRepository teams;
    private final Directory directory;
    private final People people;
    private final Clock clock;

    Teams(TeamRepository teams, Directory directory, People people, Clock clock) {
        this.teams = teams;
        this.directory = directory;
        this.people = people;
        this.clock = clock;
    }
    /** A page of the caller's organization's teams, by name then id, with lead names and member counts. */
    @Transactional(readOnly = true)
    public Page<TeamSummary> teamPage(Caller caller, String cursor, int limit) {
        Cursor sent = Cursor.orStart(cursor, name -> name, NameCursors.FIRST);
        people.requireMember(caller);
        Cursor after = NameCursors.withName(sent, id -> directory.teamName(caller.organizationId(), id));
        return Page.of(
                directory.teams(caller.organizationId(), after, limit + 1),
                limit,
                team -> NameCursors.byName(team.name(), team.id()));
    }
    /** One team with its lead's name and its member count (404 when not of this organization). */
    @Transactional(readOnly = true)
    public TeamSummary teamSummary(Caller caller, UUID teamId) {
        people.requireMember(caller);
        return directory.team(caller.organizationId(), teamId).orElseThrow(() -> new NotFoundException("Team"));
    }
    /**
     * The ids of the members (never guests) of these teams of an organization, read in one
     * statement; with {@code joinedOnly}, only those who have accepted their invitation (who can be
     * told something). For modules that count or tell a team's people.
     */
    @Transactional(readOnly = true)
    public List<UUID> teamMemberIds(UUID organizationId, Collection<UUID> teamIds, boolean joinedOnly) {
        return directory.memberIds(organizationId, teamIds, joinedOnly);
    }
    /** The ids of a team's lead and its members (never guests), read in one statement; none for no such team. */
    @Transactional(readOnly = true)
    public Set<UUID> teamLeadAndMemberIds(UUID organizationId, UUID teamId) {
        return Set.copyOf(directory.leadAndMemberIds(organizationId, teamId));
    }
    /** The team a person is in, if any: used to decide who sees what is shared with a team. */
    @Transactional(readOnly = true)
    public Optional<UUID> teamOf(UUID organizationId, UUID personId) {
        return people.byId(personId, organizationId).map(Person::getTeamId);
    }
    /**
     * At most {@code limit} teams whose name contains {@code text} (any case), for a search field:
     * the caller's own team first, then names starting with the text. Guests see no team.
     */
    @Transactional(readOnly = true)
    public List<NamedChoice> teamChoices(Caller caller, String text, int limit) {
        people.requireMember(caller);
        UUID own = teamOf(caller.organizationId(), caller.personId()).orElse(null);
        return directory.teamChoices(caller.organizationId(), own, text, limit);
    }

    /**
     * The team a form names by its name, for the form's {@code field}: none for a blank name; the
     * team written exactly so, or else the one team of that name in any case. A name no team has,
     * or several teams have in different cases, breaks a rule (TEAM_UNKNOWN, TEAM_AMBIGUOUS).
     */
    @Transactional(readOnly = true)
    public Optional<UUID> teamNamed(Caller caller, String name, String field) {
        people.requireMember(caller);
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        List<UUID> named = directory.teamsNamed(caller.organizationId(), name.strip());
        if (named.isEmpty()) {
            throw new RuleViolationException(
                    "TEAM_UNKNOWN", field, "No team has this name: choose one of the names offered.");
        }
        if (named.size() > 1) {
            throw new RuleViolationException(
                    "TEAM_AMBIGUOUS",
                    field,
                    "Several teams have this name in different capitals: type it exactly as it is written.");
        }
        return Optional.of(named.get(0));
    }

    /**
     * The team a form names: by the name its search field sent (see {@link #teamNamed}; blank for
     * none), or by {@code teamId} when it sent no name (an older form, a script, a test).
     */
    @Transactional(readOnly = true)
    public UUID teamNamedOrGiven(Caller caller, String name, UUID teamId, String field) {
        return name == null ? teamId : teamNamed(caller, name, field).orElse(null);
    }

    /**
     * A list narrowed to one team by a search field: the team (none: not narrowed), the name the
     * field shows, and the message code of the problem to tell beside it, if any.
     */
    public record TeamFilter(UUID teamId, String name, String problem) {}

    /**
     * The team a list is narrowed to: the one named in the search field when it sent a name, else
     * the one given by id (a link, a bookmark), whose name the field then shows. A name no team has,
     * or several have, is a problem to tell, and the list is not narrowed.
     */
    @Transactional(readOnly = true)
    public TeamFilter teamFilter(Caller caller, UUID teamId, String name) {
        if (name == null) {
            return new TeamFilter(teamId, teamName(caller, teamId).orElse(""), null);
        }
        String typed =
                name.length() <= NamedChoice.LONGEST_SEARCH ? name : name.substring(0, NamedChoice.LONGEST_SEARCH);
        try {
            return new TeamFilter(teamNamed(caller, typed, "team").orElse(null), typed, null);
        } catch (RuleViolationException broken) {
            return new TeamFilter(null, typed, broken.reason());
        }
    }

    /**
     * A field naming several teams, as a form sent it (see {@link TeamField}): the teams ticked, by
     * id, and the one whose name is typed in the search field {@code search} added to them (see
     * {@link #teamNamed}), unless the form holds {@code most} teams already. A name no team has,
     * several have, or one too many is the field's problem, and the name stays in the field. Reads
     * the chosen teams' names in one statement, however many teams the organization has.
     */
    @Transactional(readOnly = true)
    public TeamField teamField(Caller caller, Collection<UUID> ticked, String typed, String search, int most) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (ticked != null) {
            ticked.stream().filter(Objects::nonNull).forEach(ids::add);
        }
        String text = typed == null ? "" : typed.strip();
        text = text.length() <= NamedChoice.LONGEST_SEARCH ? text : text.substring(0, NamedChoice.LONGEST_SEARCH);
        String problem = null;
        String detail = null;
        try {
            Optional<UUID> named = teamNamed(caller, text, search);
            if (named.isPresent() && !ids.contains(named.get()) && ids.size() >= most) {
                problem = "TEAMS_TOO_MANY";
                detail = "Choose at most " + most + " teams: untick one to add another.";
            } else if (named.isPresent()) {
                ids.add(named.get());
                text = "";
            }
        } catch (RuleViolationException broken) {
            problem = broken.reason();
            detail = broken.detail();
        }
        return new TeamField(search, List.copyOf(ids), teamsIn(caller, ids), text, most, problem, detail);
    }

    /** The teams of these ids the caller's organization has, by name, read in one statement. */
    @Transactional(readOnly = true)
    public List<NamedChoice> teamsIn(Caller caller, Collection<UUID> ids) {
        people.requireMember(caller);
        return ids.isEmpty() ? List.of() : directory.teamsIn(caller.organizationId(), ids);
    }

    /** The name of a team of the caller's organization, if there is one with this id. */
    @Transactional(readOnly = true)
    public Optional<String> teamName(Caller caller, UUID teamId) {
        people.requireMember(caller);
        return teamId == null ? Optional.empty() : directory.teamName(caller.organizationId(), teamId);
    }

    /** Forms a team; a lead without a team joins it. */
    @Transactional
    public Team createTeam(Caller caller, String name, UUID leadId) {
        people.requireAdmin(caller);
        String clean = name.strip();
        refuseTakenTeamName(caller, clean, null);
        Person lead = people.requirePerson(caller, leadId, "leadId");
        Team team;
        try {
            team = saveTeam(Team.form(caller.organizationId(), clean, leadId, clock.instant()));
        } catch (DuplicateKeyException race) {
            throw takenTeamName();
        }
        if (lead != null && lead.getTeamId() == null) {
            lead.joinTeam(team.getId());
            people.save(lead);
        }
        return team;
    }
    /** Renames a team or gives it another lead (or none). */
    @Transactional
    public Team updateTeam(Caller caller, UUID teamId, String name, Optional<UUID> leadId) {
        people.requireAdmin(caller);
        Team team = team(caller, teamId);
        if (name != null) {
            String clean = name.strip();
            refuseTakenTeamName(caller, clean, teamId);
            team.rename(clean);
        }
        if (leadId != null) {
            Person lead = people.requirePerson(caller, leadId.orElse(null), "leadId");
            team.ledBy(leadId.orElse(null));
            if (lead != null && lead.getTeamId() == null) {
                lead.joinTeam(team.getId());
                people.save(lead);
            }
        }
        return saveTeam(team);
    }

    @Transactional(readOnly = true)
    public List<Team> teams(Caller caller) {
        people.requireMember(caller);
        return TransactionMemo.get(
                TEAMS,
                caller.organizationId(),
                () -> List.copyOf(teams.findByOrganizationIdOrderByName(caller.organizationId())));
    }

    @Transactional(readOnly = true)
    public Team team(Caller caller, UUID teamId) {
        people.requireMember(caller);
        return teams.findByIdAndOrganizationId(teamId, caller.organizationId())
                .orElseThrow(() -> new NotFoundException("Team"));
    }

    private Team saveTeam(Team team) {
        Team saved = teams.save(team);
        TransactionMemo.forget(TEAMS);
        return saved;
    }

    private void refuseTakenTeamName(Caller caller, String name, UUID except) {
        teams.findByOrganizationIdAndName(caller.organizationId(), name)
                .filter(other -> !other.getId().equals(except))
                .ifPresent(other -> {
                    throw takenTeamName();
                });
    }

    private static RuleViolationException takenTeamName() {
        return new RuleViolationException("TEAM_NAME_TAKEN", "name", "There is already a team with this name.");
    }
}
