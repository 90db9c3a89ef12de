package dev.kept.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * What importing a CSV file of people would do to an organization, computed in memory from the
 * file and one read of the organization's people and teams: per row, its problems or what it
 * would do (create and invite, update, nothing). Upsert by e-mail; a column the header leaves out
 * leaves that field as it is, an empty cell clears it (a name and a role are never cleared). A team
 * name no team has forms a new team; managers may come later in the file.
 */
final class ImportPlan {

    static final int LOWEST_LEVEL = 1;
    static final int HIGHEST_LEVEL = 20;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>()\",;:]+@[^@\\s<>()\",;:]+\\.[^@\\s<>()\",;:]+");

    /** A person of the organization as the import sees them. */
    record Known(
            UUID id,
            String email,
            String name,
            String title,
            UUID teamId,
            String region,
            UUID managerId,
            Role role,
            PersonStatus status,
            Integer level) {}

    /** A team of the organization. */
    record KnownTeam(UUID id, String name) {}

    /** What is wrong with a cell (or the whole row when {@code column} is null). */
    record Problem(String column, String reason, String message) {}

    /** A field a row changes: its value before and after, as shown (a team by name, a manager by e-mail). */
    record Change(String field, String from, String to) {}

    enum Action {
        CREATE,
        UPDATE,
        UNCHANGED,
        ERROR
    }

    /** A person as the row wants them; the manager and the team by e-mail and by name. */
    record Wanted(
            String email,
            String name,
            String title,
            String teamName,
            String region,
            String managerEmail,
            Role role,
            Integer level) {}

    /** One row's outcome. */
    record Outcome(
            long row, String email, Action action, List<Change> changes, List<Problem> problems, Wanted wanted) {}

    private final List<Outcome> outcomes;
    private final List<String> newTeams;

    private ImportPlan(List<Outcome> outcomes, List<String> newTeams) {
        this.outcomes = List.copyOf(outcomes);
        this.newTeams = List.copyOf(newTeams);
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    /** The teams the import forms, by name as first written in the file. */
    List<String> newTeams() {
        return newTeams;
    }

    long count(Action action) {
        return outcomes.stream().filter(o -> o.action() == action).count();
    }

    boolean hasProblems() {
        return count(Action.ERROR) > 0;
    }

    static boolean isEmail(String text) {
        return text.length() <= 254 && EMAIL.matcher(text).matches();
    }

    static ImportPlan of(PeopleCsv.File file, Collection<Known> people, Collection<KnownTeam> teams) {
        return new Planner(file, people, teams).plan();
    }

    private static final class Planner {

        private final PeopleCsv.File file;
        private final Map<String, Known> byEmail = new HashMap<>();
        private final Map<UUID, Known> byId = new HashMap<>();
        private final Map<String, UUID> teamByName = new HashMap<>();
        private final Map<String, List<KnownTeam>> teamsByFoldedName = new HashMap<>();
        private final Map<UUID, String> teamNames = new HashMap<>();
        private final Map<String, String> newTeams = new LinkedHashMap<>();

        Planner(PeopleCsv.File file, Collection<Known> people, Collection<KnownTeam> teams) {
            this.file = file;
            for (Known person : people) {
                byEmail.put(person.email(), person);
                byId.put(person.id(), person);
            }
            for (KnownTeam team : teams) {
                teamByName.put(team.name(), team.id());
                teamsByFoldedName
                        .computeIfAbsent(fold(team.name()), name -> new ArrayList<>())
                        .add(team);
                teamNames.put(team.id(), team.name());
            }
        }

        ImportPlan plan() {
            Map<String, Long> firstRowOf = new HashMap<>();
            List<List<Problem>> problems = new ArrayList<>();
            List<String> emails = new ArrayList<>();
            for (PeopleCsv.Row row : file.rows()) {
                List<Problem> found = new ArrayList<>();
                String email = row.cell(ImportColumn.EMAIL).strip().toLowerCase(Locale.ROOT);
                if (email.isEmpty()) {
                    found.add(problem(ImportColumn.EMAIL, "EMAIL_MISSING", "The e-mail address is missing."));
                    email = null;
                } else if (email.length() > ImportColumn.EMAIL.longest()) {
                    found.add(tooLong(ImportColumn.EMAIL));
                    email = null;
                } else if (!isEmail(email)) {
                    found.add(problem(
                            ImportColumn.EMAIL, "EMAIL_INVALID", "\"" + email + "\" is not an e-mail address."));
                    email = null;
                } else if (firstRowOf.containsKey(email)) {
                    found.add(problem(
                            ImportColumn.EMAIL,
                            "EMAIL_DUPLICATE",
                            "This e-mail address is also on row " + firstRowOf.get(email) + "."));
                } else {
                    firstRowOf.put(email, row.number());
                }
                if (row.extraCells() > 0) {
                    found.add(new Problem(
                            null,
                            "ROW_TOO_LONG",
                            "This row has " + row.extraCells() + " cell(s) more than the header has columns."));
                }
                problems.add(found);
                emails.add(email);
            }
            List<Wanted> wanted = new ArrayList<>();
            for (int i = 0; i < file.rows().size(); i++) {
                wanted.add(wanted(file.rows().get(i), emails.get(i), firstRowOf.keySet(), problems.get(i)));
            }
            refuseLoops(wanted, problems);
            refuseNoAdmin(wanted, problems);
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < file.rows().size(); i++) {
                outcomes.add(outcome(file.rows().get(i).number(), emails.get(i), wanted.get(i), problems.get(i)));
            }
            boolean applicable = outcomes.stream().noneMatch(o -> o.action() == Action.ERROR);
            List<String> formed = applicable
                    ? List.copyOf(newTeams.values())
                    : outcomes.stream()
                            .filter(o -> o.wanted() != null && o.wanted().teamName() != null)
                            .map(o -> o.wanted().teamName())
                            .filter(name -> newTeams.containsKey(fold(name)))
                            .map(name -> newTeams.get(fold(name)))
                            .distinct()
                            .toList();
            return new ImportPlan(outcomes, formed);
        }

        private Wanted wanted(PeopleCsv.Row row, String email, Set<String> inFile, List<Problem> problems) {
            Known known = email == null ? null : byEmail.get(email);
            if (known != null && known.role() == Role.GUEST) {
                problems.add(
                        problem(
                                ImportColumn.EMAIL,
                                "EMAIL_GUEST",
                                "This address belongs to an outside partner (a guest); a guest cannot be imported as a member."));
            }
            if (known != null && known.status() == PersonStatus.DEACTIVATED) {
                problems.add(problem(
                        ImportColumn.EMAIL,
                        "EMAIL_DEACTIVATED",
                        "This person was deactivated: reactivate them on their page first, or leave their row out."));
            }
            String name = known == null ? null : known.name();
            if (row.has(ImportColumn.NAME) && !row.cell(ImportColumn.NAME).isBlank()) {
                name = text(row, ImportColumn.NAME, problems);
            }
            if (name == null && known == null) {
                problems.add(problem(ImportColumn.NAME, "NAME_MISSING", "A new person needs a name."));
            }
            String title = row.has(ImportColumn.TITLE)
                    ? text(row, ImportColumn.TITLE, problems)
                    : known == null ? null : known.title();
            String region = row.has(ImportColumn.REGION)
                    ? text(row, ImportColumn.REGION, problems)
                    : known == null ? null : known.region();
            String teamName = row.has(ImportColumn.TEAM)
                    ? team(row, problems)
                    : known == null || known.teamId() == null ? null : teamNames.get(known.teamId());
            String manager = row.has(ImportColumn.MANAGER)
                    ? manager(row, email, inFile, problems)
                    : known == null || known.managerId() == null ? null : emailOf(known.managerId());
            Role role = known == null ? Role.MEMBER : known.role();
            if (row.has(ImportColumn.ROLE) && !row.cell(ImportColumn.ROLE).isBlank()) {
                role = role(row, role, problems);
            }
            Integer level = known == null ? null : known.level();
            if (row.has(ImportColumn.LEVEL)) {
                level = level(row, problems);
            }
            return new Wanted(email, name, title, teamName, region, manager, role, level);
        }

        private String text(PeopleCsv.Row row, ImportColumn column, List<Problem> problems) {
            String value = row.cell(column).strip();
            if (value.length() > column.longest()) {
                problems.add(tooLong(column));
                return null;
            }
            return value.isEmpty() ? null : value;
        }

        private String team(PeopleCsv.Row row, List<Problem> problems) {
            String name = text(row, ImportColumn.TEAM, problems);
            if (name == null || teamByName.containsKey(name)) {
                return name;
            }
            List<KnownTeam> similar = teamsByFoldedName.getOrDefault(fold(name), List.of());
            if (similar.size() == 1) {
                return similar.get(0).name();
            }
            if (similar.size() > 1) {
                problems.add(problem(
                        ImportColumn.TEAM,
                        "TEAM_AMBIGUOUS",
                        "Several teams are called \"" + name
                                + "\" in different capitals: write the name exactly as the team is written."));
                return null;
            }
            return newTeams.computeIfAbsent(fold(name), folded -> name);
        }

        private String manager(PeopleCsv.Row row, String email, Set<String> inFile, List<Problem> problems) {
            String manager = row.cell(ImportColumn.MANAGER).strip().toLowerCase(Locale.ROOT);
            if (manager.isEmpty()) {
                return null;
            }
            if (manager.length() > ImportColumn.MANAGER.longest()) {
                problems.add(tooLong(ImportColumn.MANAGER));
                return null;
            }
            if (!isEmail(manager)) {
                problems.add(problem(
                        ImportColumn.MANAGER,
                        "MANAGER_INVALID",
                        "\"" + manager + "\" is not an e-mail address; name the manager by their e-mail."));
                return null;
            }
            if (manager.equals(email)) {
                problems.add(problem(ImportColumn.MANAGER, "MANAGER_SELF", "A person cannot be their own manager."));
                return null;
            }
            Known known = byEmail.get(manager);
            if (!inFile.contains(manager) && (known == null || known.role() == Role.GUEST)) {
                problems.add(problem(
                        ImportColumn.MANAGER,
                        "MANAGER_UNKNOWN",
                        "No one with the e-mail " + manager + " is in the organization or in this file."));
                return null;
            }
            if (known != null && known.status() == PersonStatus.DEACTIVATED) {
                problems.add(problem(
                        ImportColumn.MANAGER,
                        "MANAGER_DEACTIVATED",
                        "The manager " + manager + " was deactivated; name another manager."));
                return null;
            }
            return manager;
        }

        private Role role(PeopleCsv.Row row, Role current, List<Problem> problems) {
            String text = row.cell(ImportColumn.ROLE).strip().toUpperCase(Locale.ROOT);
            if (text.equals(Role.MEMBER.name()) || text.equals(Role.ADMIN.name())) {
                return Role.valueOf(text);
            }
            problems.add(problem(
                    ImportColumn.ROLE,
                    "ROLE_INVALID",
                    "\"" + row.cell(ImportColumn.ROLE).strip() + "\" is not a role: write MEMBER or ADMIN."));
            return current;
        }

        private Integer level(PeopleCsv.Row row, List<Problem> problems) {
            String text = row.cell(ImportColumn.LEVEL).strip();
            if (text.isEmpty()) {
                return null;
            }
            try {
                int level = Integer.parseInt(text);
                if (level >= LOWEST_LEVEL && level <= HIGHEST_LEVEL) {
                    return level;
                }
            } catch (NumberFormatException notANumber) {
                // told below
            }
            problems.add(problem(
                    ImportColumn.LEVEL,
                    "LEVEL_INVALID",
                    "The level is a whole number from " + LOWEST_LEVEL + " to " + HIGHEST_LEVEL + "."));
            return null;
        }

        /**
         * Refuses the rows that would close a loop in the reporting lines, counting the lines of
         * the people the file leaves as they are: the lines after the import form a graph, and
         * every row on one of its cycles is told the whole loop.
         */
        private void refuseLoops(List<Wanted> wanted, List<List<Problem>> problems) {
            Map<String, String> managerOf = new HashMap<>();
            for (Known person : byEmail.values()) {
                if (person.managerId() != null && byId.containsKey(person.managerId())) {
                    managerOf.put(person.email(), emailOf(person.managerId()));
                }
            }
            Map<String, Integer> rowOf = new HashMap<>();
            for (int i = 0; i < wanted.size(); i++) {
                Wanted row = wanted.get(i);
                if (row.email() == null || rowOf.containsKey(row.email())) {
                    continue;
                }
                rowOf.put(row.email(), i);
                if (row.managerEmail() == null) {
                    managerOf.remove(row.email());
                } else {
                    managerOf.put(row.email(), row.managerEmail());
                }
            }
            Graph<String, DefaultEdge> lines = new DefaultDirectedGraph<>(DefaultEdge.class);
            managerOf.forEach((person, manager) -> {
                lines.addVertex(person);
                lines.addVertex(manager);
                lines.addEdge(person, manager);
            });
            Set<String> onLoops = new CycleDetector<>(lines).findCycles();
            for (String email : onLoops) {
                Integer row = rowOf.get(email);
                if (row != null) {
                    problems.get(row)
                            .add(problem(
                                    ImportColumn.MANAGER,
                                    "REPORTING_LOOP",
                                    "The reporting lines would form a loop: " + loop(email, managerOf) + "."));
                }
            }
        }

        private static String loop(String start, Map<String, String> managerOf) {
            List<String> chain = new ArrayList<>(List.of(start));
            String current = managerOf.get(start);
            while (current != null && !current.equals(start) && chain.size() < 10) {
                chain.add(current);
                current = managerOf.get(current);
            }
            chain.add(current != null && current.equals(start) ? start : "…");
            return String.join(" reports to ", chain);
        }

        /** Refuses the rows that would leave the organization without an admin. */
        private void refuseNoAdmin(List<Wanted> wanted, List<List<Problem>> problems) {
            Map<String, Role> roles = new HashMap<>();
            for (Known person : byEmail.values()) {
                roles.put(person.email(), person.role());
            }
            List<Integer> demoting = new ArrayList<>();
            for (int i = 0; i < wanted.size(); i++) {
                Wanted row = wanted.get(i);
                if (row.email() == null) {
                    continue;
                }
                Known known = byEmail.get(row.email());
                if (known != null && known.role() == Role.ADMIN && row.role() != Role.ADMIN) {
                    demoting.add(i);
                }
                roles.put(row.email(), row.role());
            }
            if (!demoting.isEmpty() && !roles.containsValue(Role.ADMIN)) {
                for (int i : demoting) {
                    problems.get(i)
                            .add(problem(ImportColumn.ROLE, "LAST_ADMIN", "An organization needs at least one admin."));
                }
            }
        }

        private Outcome outcome(long row, String email, Wanted wanted, List<Problem> problems) {
            if (!problems.isEmpty()) {
                return new Outcome(row, email, Action.ERROR, List.of(), problems, wanted);
            }
            Known known = byEmail.get(email);
            if (known == null) {
                return new Outcome(row, email, Action.CREATE, List.of(), List.of(), wanted);
            }
            List<Change> changes = new ArrayList<>();
            compare(changes, "name", known.name(), wanted.name());
            compare(changes, "title", known.title(), wanted.title());
            compare(changes, "team", known.teamId() == null ? null : teamNames.get(known.teamId()), wanted.teamName());
            compare(
                    changes,
                    "manager",
                    known.managerId() == null ? null : emailOf(known.managerId()),
                    wanted.managerEmail());
            compare(changes, "role", known.role().name(), wanted.role().name());
            compare(changes, "region", known.region(), wanted.region());
            compare(
                    changes,
                    "level",
                    known.level() == null ? null : known.level().toString(),
                    wanted.level() == null ? null : wanted.level().toString());
            return new Outcome(
                    row, email, changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE, changes, List.of(), wanted);
        }

        private static void compare(List<Change> changes, String field, String from, String to) {
            if (!Objects.equals(from, to)) {
                changes.add(new Change(field, from, to));
            }
        }

        private String emailOf(UUID personId) {
            Known person = byId.get(personId);
            return person == null ? null : person.email();
        }

        private static Problem problem(ImportColumn column, String reason, String message) {
            return new Problem(column.header(), reason, message);
        }

        private static Problem tooLong(ImportColumn column) {
            return problem(
                    column,
                    "TOO_LONG",
                    "The " + column.header() + " is longer than " + column.longest() + " characters.");
        }

        private static String fold(String name) {
            return name.toLowerCase(Locale.ROOT);
        }
    }
}
