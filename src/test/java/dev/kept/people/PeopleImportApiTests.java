package dev.kept.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@KeptApiTest
class PeopleImportApiTests {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    ApiFixtures api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importsAThousandPeopleWithTheirManagersAndTeamsAndImportingAgainChangesNothing() {
        Account admin = api.signUp();
        String domain = ApiFixtures.unique("big").toLowerCase() + ".example";
        StringBuilder csv = new StringBuilder("Email,Name,Title,Team,Manager,Role,Region,Level\n");
        // managers come after the people reporting to them: person k reports to person (k - 1) / 10
        for (int k = 999; k >= 0; k--) {
            String manager = k == 0 ? admin.email() : "p" + ((k - 1) / 10) + "@" + domain;
            csv.append("p%d@%s,Person %d,\"Engineer, grade %d\",Team %d,%s,%s,EMEA,%d\n"
                    .formatted(k, domain, k, k % 3, k % 20, manager, k % 100 == 0 ? "ADMIN" : "member", k % 20 + 1));
        }

        JsonNode preview = importCsv(admin, csv.toString(), true).expect(200).json();
        assertThat(preview.get("create").asLong()).isEqualTo(1000);
        assertThat(preview.get("problems").asLong()).isZero();
        assertThat(preview.get("newTeams")).hasSize(20);
        assertThat(peopleIn(admin)).isEqualTo(1);

        long started = System.nanoTime();
        JsonNode applied = importCsv(admin, csv.toString(), false).expect(200).json();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(applied.get("create").asLong()).isEqualTo(1000);
        assertThat(peopleIn(admin)).isEqualTo(1001);
        assertThat(jdbc.sql("select count(*) from team where organization_id = :o")
                        .param("o", admin.organizationId())
                        .query(Long.class)
                        .single())
                .isEqualTo(20);
        Map<String, String> managerOf = new HashMap<>();
        jdbc.sql("""
                        select p.email, m.email as manager from person p left join person m on m.id = p.manager_id
                         where p.organization_id = :o""")
                .param("o", admin.organizationId())
                .query((rs, n) -> managerOf.put(rs.getString("email"), rs.getString("manager")))
                .list();
        assertThat(managerOf.get("p0@" + domain)).isEqualTo(admin.email().toLowerCase());
        assertThat(managerOf.get("p1@" + domain)).isEqualTo("p0@" + domain);
        assertThat(managerOf.get("p999@" + domain)).isEqualTo("p99@" + domain);
        Map<String, Object> p437 =
                jdbc.sql("""
                        select p.name, p.title, t.name as team, p.role, p.status, p.region, p.level
                          from person p join team t on t.id = p.team_id where p.email = :email""").param("email", "p437@" + domain).query().singleRow();
        assertThat(p437)
                .containsEntry("NAME", "Person 437")
                .containsEntry("TITLE", "Engineer, grade 2")
                .containsEntry("TEAM", "Team 17")
                .containsEntry("ROLE", "MEMBER")
                .containsEntry("STATUS", "INVITED")
                .containsEntry("REGION", "EMEA")
                .containsEntry("LEVEL", 18);
        assertThat(roleOf("p500@" + domain)).isEqualTo("ADMIN");
        assertThat(invitationsIn(admin)).isEqualTo(1000);
        assertThat(api.invitationToken("p437@" + domain)).isNotBlank();
        // every invitation reaches the outbox, as one sent on its own does
        await().atMost(Duration.ofSeconds(90))
                .until(() -> jdbc.sql("select count(*) from outgoing_mail where organization_id = :o")
                                .param("o", admin.organizationId())
                                .query(Long.class)
                                .single()
                        == 1000);
        assertThat(millis).as("importing 1000 people took %d ms", millis).isLessThan(30_000);

        JsonNode again = importCsv(admin, csv.toString(), false).expect(200).json();

        assertThat(again.get("unchanged").asLong()).isEqualTo(1000);
        assertThat(again.get("create").asLong()).isZero();
        assertThat(again.get("update").asLong()).isZero();
        assertThat(again.get("newTeams")).isEmpty();
        assertThat(peopleIn(admin)).isEqualTo(1001);
        assertThat(invitationsIn(admin)).isEqualTo(1000);
    }

    @Test
    void updatesPeopleByEmailAndTellsWhatChanges() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        UUID platform = api.team(admin, "Platform");
        String csv = "email,title,team,manager\n" + member.email().toUpperCase() + ",Staff engineer,platform,"
                + admin.email() + "\n";

        JsonNode preview = importCsv(admin, csv, true).expect(200).json();

        JsonNode row = preview.get("rows").get(0);
        assertThat(row.get("action").asString()).isEqualTo("UPDATE");
        assertThat(row.get("row").asInt()).isEqualTo(2);
        List<String> changes = new ArrayList<>();
        row.get("changes")
                .forEach(change -> changes.add(
                        change.get("field").asString() + ":" + change.get("to").asString()));
        assertThat(changes)
                .containsExactlyInAnyOrder(
                        "title:Staff engineer",
                        "team:Platform",
                        "manager:" + admin.email().toLowerCase());
        assertThat(preview.get("newTeams")).isEmpty();

        importCsv(admin, csv, false).expect(200);

        JsonNode person = api.get(admin.token(), "/api/v1/people/" + member.personId())
                .expect(200)
                .json();
        assertThat(person.get("title").asString()).isEqualTo("Staff engineer");
        assertThat(person.get("teamId").asString()).isEqualTo(platform.toString());
        assertThat(person.get("managerId").asString())
                .isEqualTo(admin.personId().toString());
        assertThat(person.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(importCsv(admin, csv, true).json().get("unchanged").asLong()).isEqualTo(1);
    }

    @Test
    void reportsEveryRowsMistakesAndImportsNothing() {
        Account admin = api.signUp();
        Account member = api.join(admin, Map.of("managerId", admin.personId().toString()));
        PeopleFixtures fixtures = new PeopleFixtures(jdbc);
        fixtures.team(admin.organizationId(), "Ops");
        fixtures.team(admin.organizationId(), "OPS");
        String d = ApiFixtures.unique("bad").toLowerCase() + ".example";
        String longTitle = "x".repeat(121);
        String csv = String.join(
                "\n",
                "email,name,title,team,manager,role,level",
                ",No Address,,,,,", // 2: EMAIL_MISSING
                "not-an-address,Nobody,,,,,", // 3: EMAIL_INVALID
                "twice@" + d + ",Twice,,,,,", // 4
                "TWICE@" + d + ",Twice Again,,,,,", // 5: EMAIL_DUPLICATE
                "orphan@" + d + ",Orphan,,,ghost@" + d + ",,", // 6: MANAGER_UNKNOWN
                "narcissus@" + d + ",Narcissus,,,narcissus@" + d + ",,", // 7: MANAGER_SELF
                "ping@" + d + ",Ping,,,pong@" + d + ",,", // 8: REPORTING_LOOP
                "pong@" + d + ",Pong,,,ping@" + d + ",,", // 9: REPORTING_LOOP
                admin.email() + ",,,,through@" + d + ",MEMBER,", // 10: REPORTING_LOOP and LAST_ADMIN
                "through@" + d + ",Through,,," + member.email() + ",,", // 11: REPORTING_LOOP via the org
                "boss@" + d + ",Boss,,,,BOSS,", // 12: ROLE_INVALID
                "wordy@" + d + ",Wordy," + longTitle + ",,,,", // 13: TOO_LONG
                "senior@" + d + ",Senior,,,,,99", // 14: LEVEL_INVALID
                "anon@" + d + ",,,,,,", // 15: NAME_MISSING
                "ops@" + d + ",Ops Person,,oPs,,,", // 16: TEAM_AMBIGUOUS
                "wide@" + d + ",Wide,,,,,,extra", // 17: ROW_TOO_LONG
                "chief@" + d + ",Chief,,,boss,,", // 18: MANAGER_INVALID
                "fine@" + d + ",Fine,,New team,,,"); // 19: would be created
        long before = peopleIn(admin);

        JsonNode preview = importCsv(admin, csv, true).expect(200).json();

        List<String> problems = new ArrayList<>();
        preview.get("rows")
                .forEach(row -> row.get("problems")
                        .forEach(problem -> problems.add(row.get("row").asInt() + " "
                                + problem.path("column").asString("-") + " "
                                + problem.get("reason").asString())));
        assertThat(problems)
                .contains(
                        "2 email EMAIL_MISSING",
                        "3 email EMAIL_INVALID",
                        "5 email EMAIL_DUPLICATE",
                        "6 manager MANAGER_UNKNOWN",
                        "7 manager MANAGER_SELF",
                        "8 manager REPORTING_LOOP",
                        "9 manager REPORTING_LOOP",
                        "10 manager REPORTING_LOOP",
                        "10 role LAST_ADMIN",
                        "11 manager REPORTING_LOOP",
                        "12 role ROLE_INVALID",
                        "13 title TOO_LONG",
                        "14 level LEVEL_INVALID",
                        "15 name NAME_MISSING",
                        "16 team TEAM_AMBIGUOUS",
                        "17 - ROW_TOO_LONG",
                        "18 manager MANAGER_INVALID");
        assertThat(problems).noneMatch(p -> p.startsWith("4 ") || p.startsWith("19 "));
        assertThat(preview.get("rows").get(17).get("action").asString()).isEqualTo("CREATE");
        assertThat(preview.get("problems").asLong()).isEqualTo(16);
        assertThat(preview.get("newTeams").get(0).asString()).isEqualTo("New team");
        JsonNode loop = preview.get("rows").get(9).get("problems").get(0);
        assertThat(loop.get("message").asString())
                .contains("through@" + d)
                .contains(member.email().toLowerCase());

        JsonNode refused = importCsv(admin, csv, false).expectProblem(422);

        assertThat(refused.get("reason").asString()).isEqualTo("IMPORT_HAS_PROBLEMS");
        assertThat(refused.get("detail").asString()).contains("16 row(s)");
        assertThat(peopleIn(admin)).isEqualTo(before);
        assertThat(roleOf(admin.email())).isEqualTo("ADMIN");
    }

    @Test
    void aDeactivatedPersonIsNeitherUpdatedNorNamedAsAManager() {
        Account admin = api.signUp();
        Account left = api.join(admin);
        api.post(admin.token(), "/api/v1/people/" + left.personId() + "/deactivate", null)
                .expect(200);
        String d = ApiFixtures.unique("left").toLowerCase() + ".example";
        String csv = String.join(
                "\n",
                "email,name,title,manager",
                left.email() + ",Back Again,Engineer,", // 2: EMAIL_DEACTIVATED
                "report@" + d + ",Report,," + left.email()); // 3: MANAGER_DEACTIVATED

        JsonNode preview = importCsv(admin, csv, true).expect(200).json();

        JsonNode rows = preview.get("rows");
        assertThat(rows.get(0).get("action").asString()).isEqualTo("ERROR");
        assertThat(rows.get(0).get("problems").get(0).get("reason").asString()).isEqualTo("EMAIL_DEACTIVATED");
        assertThat(rows.get(1).get("problems").get(0).get("reason").asString()).isEqualTo("MANAGER_DEACTIVATED");
        assertThat(rows.get(1).get("problems").get(0).get("message").asString())
                .contains(left.email().toLowerCase());
        importCsv(admin, csv, false).expectProblem(422);
        JsonNode person = api.get(admin.token(), "/api/v1/people/" + left.personId())
                .expect(200)
                .json();
        assertThat(person.get("name").asString()).isEqualTo(left.name());
        assertThat(person.get("status").asString()).isEqualTo("DEACTIVATED");
    }

    @Test
    void answersAClearProblemForAFileItCannotRead() {
        Account admin = api.signUp();

        assertThat(reasonFor(admin, "")).isEqualTo("CSV_EMPTY");
        assertThat(reasonFor(admin, "   \n\n")).isEqualTo("CSV_EMPTY");
        assertThat(reasonFor(admin, "email,name\n")).isEqualTo("CSV_NO_ROWS");
        assertThat(reasonFor(admin, "email,name,salary\na@b.example,Ann,1\n")).isEqualTo("CSV_UNKNOWN_COLUMN");
        assertThat(reasonFor(admin, "name,title\nAnn,Engineer\n")).isEqualTo("CSV_NO_EMAIL_COLUMN");
        assertThat(reasonFor(admin, "email,Email\na@b.example,a@b.example\n")).isEqualTo("CSV_DUPLICATE_COLUMN");
        assertThat(reasonFor(admin, "email,name\n\"a@b.example,Ann\n")).isEqualTo("CSV_MALFORMED");
        assertThat(reasonFor(admin, "email,name\n\"a@b.example\"x,Ann\n")).isEqualTo("CSV_MALFORMED");
        StringBuilder tooMany = new StringBuilder("email\n");
        for (int i = 0; i <= PeopleImports.MOST_ROWS; i++) {
            tooMany.append('p').append(i).append("@many.example\n");
        }
        assertThat(reasonFor(admin, tooMany.toString())).isEqualTo("CSV_TOO_MANY_ROWS");
        JsonNode unknown = importCsv(admin, "email,salary\n", true).expectProblem(422);
        assertThat(unknown.get("detail").asString()).contains("\"salary\"").contains("email, name");

        byte[] latin1 = "email,name\nzoe@b.example,Zoë\n".getBytes(StandardCharsets.ISO_8859_1);
        JsonNode encoding = send(admin, latin1, true).expectProblem(422);
        assertThat(encoding.get("reason").asString()).isEqualTo("CSV_ENCODING");
        assertThat(encoding.get("detail").asString()).contains("UTF-8");

        byte[] withBom = ("\uFEFFemail,name\nzoe@b.example,Zoë\n").getBytes(StandardCharsets.UTF_8);
        JsonNode fine = send(admin, withBom, true).expect(200).json();
        assertThat(fine.get("create").asLong()).isEqualTo(1);
        assertThat(fine.get("rows").get(0).get("email").asString()).isEqualTo("zoe@b.example");
    }

    @Test
    void onlyAnAdminImports() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        String email = ApiFixtures.uniqueEmail("sneaky");

        importCsv(member, "email,name\n" + email + ",Sneaky\n", true).expectProblem(403);
        importCsv(member, "email,name\n" + email + ",Sneaky\n", false).expectProblem(403);
        api.send(HttpMethod.POST, admin.token(), "/api/v1/people/import", "{}", MediaType.APPLICATION_JSON)
                .expectProblem(415);

        assertThat(api.peopleWithEmail(email)).isZero();
    }

    private ApiResponse importCsv(Account account, String csv, boolean dryRun) {
        return api.send(
                HttpMethod.POST, account.token(), "/api/v1/people/import" + (dryRun ? "?dryRun=true" : ""), csv, CSV);
    }

    private ApiResponse send(Account account, byte[] body, boolean dryRun) {
        return api.http()
                .post()
                .uri("/api/v1/people/import" + (dryRun ? "?dryRun=true" : ""))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + account.token())
                .contentType(CSV)
                .accept(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((req, res) -> new ApiResponse(
                        res.getStatusCode().value(),
                        HttpHeaders.copyOf(res.getHeaders()),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private String reasonFor(Account admin, String csv) {
        return importCsv(admin, csv, true).expectProblem(422).get("reason").asString();
    }

    private long peopleIn(Account admin) {
        return jdbc.sql("select count(*) from person where organization_id = :o")
                .param("o", admin.organizationId())
                .query(Long.class)
                .single();
    }

    private long invitationsIn(Account admin) {
        return jdbc.sql("select count(*) from invitation where organization_id = :o")
                .param("o", admin.organizationId())
                .query(Long.class)
                .single();
    }

    private String roleOf(String email) {
        return jdbc.sql("select role from person where email = :email")
                .param("email", email.toLowerCase())
                .query(String.class)
                .single();
    }
}
