package dev.kept.people;

import dev.kept.shared.NotFoundException;
import dev.kept.shared.RuleViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bringing people in from a CSV file, for an admin (see {@link ImportColumn} for the columns and
 * {@link ImportPlan} for the rules). A preview tells every row's problems and what it would do; a
 * file is applied only when none of its rows has a problem, all at once: people are created and
 * updated by e-mail, new teams formed, reporting lines set, and each new person is invited. A file
 * previewed on a page is kept for a day under a token, so that what is applied is what was
 * previewed. Importing the same file again changes nothing.
 */
@Service
public class PeopleImports {

    /** How many people one file may hold. */
    public static final int MOST_ROWS = 5_000;

    private static final Duration KEPT_FOR = Duration.ofDays(1);

    private final People people;
    private final ImportStore store;
    private final BulkInvitations invitations;
    private final ApplicationEventPublisher events;
    private final PeopleProperties properties;
    private final Clock clock;

    PeopleImports(
            People people,
            ImportStore store,
            BulkInvitations invitations,
            ApplicationEventPublisher events,
            PeopleProperties properties,
            Clock clock) {
        this.people = people;
        this.store = store;
        this.invitations = invitations;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** What importing the file would do, row by row; nothing changes. */
    @Transactional(readOnly = true)
    public ImportPreview preview(Caller caller, byte[] file) {
        people.requireAdmin(caller);
        return ImportPreview.of(plan(caller, PeopleCsv.decode(file)), null);
    }

    /** Answers the file's preview and, when it can be applied, keeps it for {@link #applyKept} under the preview's token. */
    @Transactional
    public ImportPreview previewAndKeep(Caller caller, byte[] file) {
        people.requireAdmin(caller);
        String text = PeopleCsv.decode(file);
        ImportPlan plan = plan(caller, text);
        if (plan.hasProblems()) {
            return ImportPreview.of(plan, null);
        }
        Instant now = clock.instant();
        UUID token = store.keep(caller.organizationId(), caller.personId(), text, now, now.minus(KEPT_FOR));
        return ImportPreview.of(plan, token);
    }

    /** Applies the file; refused (IMPORT_HAS_PROBLEMS) when any row has a problem, and then nothing changes. */
    @Transactional
    public ImportPreview apply(Caller caller, byte[] file) {
        Person admin = people.requireAdmin(caller);
        return apply(caller, admin, PeopleCsv.decode(file));
    }

    /** Applies a file kept by {@link #previewAndKeep}, and forgets it. */
    @Transactional
    public ImportPreview applyKept(Caller caller, UUID token) {
        Person admin = people.requireAdmin(caller);
        String text = store.kept(caller.organizationId(), token, clock.instant().minus(KEPT_FOR))
                .orElseThrow(() -> new NotFoundException("Import"));
        ImportPreview applied = apply(caller, admin, text);
        store.forget(caller.organizationId(), token);
        return applied;
    }

    private ImportPlan plan(Caller caller, String text) {
        PeopleCsv.File file = PeopleCsv.read(text, MOST_ROWS);
        return ImportPlan.of(file, store.people(caller.organizationId()), store.teams(caller.organizationId()));
    }

    private ImportPreview apply(Caller caller, Person admin, String text) {
        UUID organizationId = caller.organizationId();
        PeopleCsv.File file = PeopleCsv.read(text, MOST_ROWS);
        List<ImportPlan.Known> known = store.people(organizationId);
        List<ImportPlan.KnownTeam> teams = store.teams(organizationId);
        ImportPlan plan = ImportPlan.of(file, known, teams);
        if (plan.hasProblems()) {
            throw new RuleViolationException(
                    "IMPORT_HAS_PROBLEMS",
                    PeopleCsv.FIELD,
                    plan.count(ImportPlan.Action.ERROR)
                            + " row(s) of the file have problems, so nothing was imported: preview the file to see"
                            + " them, fix them and try again.");
        }
        Instant now = clock.instant();
        Map<String, UUID> teamIds = new HashMap<>();
        teams.forEach(team -> teamIds.put(team.name(), team.id()));
        List<ImportPlan.KnownTeam> formed = new ArrayList<>();
        for (String name : plan.newTeams()) {
            ImportPlan.KnownTeam team = new ImportPlan.KnownTeam(UUID.randomUUID(), name);
            formed.add(team);
            teamIds.put(name, team.id());
        }
        store.insertTeams(organizationId, formed, now);

        Map<String, ImportPlan.Known> byEmail = new HashMap<>();
        known.forEach(person -> byEmail.put(person.email(), person));
        Map<String, UUID> idOf = new HashMap<>();
        known.forEach(person -> idOf.put(person.email(), person.id()));
        List<ImportStore.NewPerson> created = new ArrayList<>();
        List<ImportStore.ChangedPerson> changed = new ArrayList<>();
        for (ImportPlan.Outcome outcome : plan.outcomes()) {
            ImportPlan.Wanted wanted = outcome.wanted();
            UUID team = wanted.teamName() == null ? null : teamIds.get(wanted.teamName());
            if (outcome.action() == ImportPlan.Action.CREATE) {
                UUID id = UUID.randomUUID();
                idOf.put(wanted.email(), id);
                created.add(new ImportStore.NewPerson(id, wanted, team));
            } else if (outcome.action() == ImportPlan.Action.UPDATE) {
                changed.add(new ImportStore.ChangedPerson(idOf.get(wanted.email()), wanted, team));
            }
        }
        store.insertPeople(organizationId, created, properties.defaultTimeZone(), now);
        store.updatePeople(organizationId, changed);

        List<ImportStore.ManagerLink> links = new ArrayList<>();
        List<ReportingLineChanged> lineChanges = new ArrayList<>();
        for (ImportPlan.Outcome outcome : plan.outcomes()) {
            if (outcome.action() == ImportPlan.Action.UNCHANGED) {
                continue;
            }
            ImportPlan.Wanted wanted = outcome.wanted();
            UUID id = idOf.get(wanted.email());
            UUID manager = wanted.managerEmail() == null ? null : idOf.get(wanted.managerEmail());
            ImportPlan.Known before = byEmail.get(wanted.email());
            UUID previous = before == null ? null : before.managerId();
            if (!Objects.equals(previous, manager)) {
                links.add(new ImportStore.ManagerLink(id, manager));
                if (before != null) {
                    lineChanges.add(new ReportingLineChanged(organizationId, id, previous, manager));
                }
            }
        }
        store.setManagers(organizationId, links);
        people.forgetReadPeople();
        // after the writes: listeners in this transaction see the new lines
        lineChanges.forEach(events::publishEvent);
        invitations.send(
                admin,
                created.stream()
                        .map(person -> new BulkInvitations.Recipient(
                                person.id(),
                                person.wanted().name(),
                                person.wanted().email()))
                        .toList());
        return ImportPreview.of(plan, null);
    }
}
