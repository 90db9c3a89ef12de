package dev.kept.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.JobStatements;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's export end to end: asked for over the API, built by the job, announced in the inbox,
 * downloaded once by its person only; everything of the person's is in it, and nothing of their
 * partner's hidden content.
 */
@KeptApiTest
class ExportTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApiFixtures api;

    @Autowired
    Exports exports;

    @Autowired
    MutableClock clock;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void holdsEveryItemOfThePersonAndNoneOfThePartnersHiddenOnes() throws IOException {
        ExportFixtures fixture = new ExportFixtures(api).everything();
        Account p = fixture.p;

        ApiResponse asked = api.post(p.token(), "/api/v1/me/exports", Map.of()).expect(202);
        UUID id = asked.id();
        assertThat(asked.text("status")).isEqualTo("PENDING");
        assertThat(asked.headers().getLocation().getPath()).isEqualTo("/api/v1/me/exports/" + id);
        // asking again while it waits answers the same export
        assertThat(api.post(p.token(), "/api/v1/me/exports", Map.of())
                        .expect(202)
                        .id())
                .isEqualTo(id);
        assertThat(api.get(p.token(), "/api/v1/me/exports/" + id + "/download")
                        .expectProblem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("not-ready");

        exports.buildPending();

        assertThat(api.awaitNotification(p, "export is ready")).contains("once");
        JsonNode ready =
                api.get(p.token(), "/api/v1/me/exports/" + id).expect(200).json();
        assertThat(ready.get("status").asString()).isEqualTo("READY");
        assertThat(ready.get("download").asString()).isEqualTo("/api/v1/me/exports/" + id + "/download");
        assertThat(api.get(p.token(), "/api/v1/me/exports")
                        .expect(200)
                        .json()
                        .get("items")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo(id.toString());

        // nobody else reads or takes it: not the partner, not an admin, not a guest, not anonymously
        Account guest = api.guest(p, "COACH");
        for (Account other : new Account[] {fixture.q, fixture.admin, guest, api.signUp()}) {
            api.get(other.token(), "/api/v1/me/exports/" + id).expectProblem(404);
            api.get(other.token(), "/api/v1/me/exports/" + id + "/download").expectProblem(404);
            assertThat(api.get(other.token(), "/api/v1/me/exports")
                            .expect(200)
                            .json()
                            .get("items")
                            .size())
                    .isZero();
        }
        api.get(null, "/api/v1/me/exports/" + id + "/download").expect(401);
        api.expectPagingRefused(p.token(), "/api/v1/me/exports");
        api.get(p.token(), "/api/v1/me/exports/not-an-id").expectProblem(404);
        api.get(p.token(), "/api/v1/me/exports/" + UUID.randomUUID() + "/download")
                .expectProblem(404);

        Map<String, String> files = unzip(download(p, "/api/v1/me/exports/" + id + "/download"));
        assertThat(files)
                .containsKeys(
                        "README.txt",
                        "index.html",
                        "profile.json",
                        "commitments.json",
                        "challenges.json",
                        "check-ins.json",
                        "expectations.json",
                        "partnerships.json",
                        "kudos.json",
                        "flags.json",
                        "help-offers.json",
                        "advice.json",
                        "decisions.json",
                        "matching.json",
                        "notifications.json");
        files.forEach((name, content) -> {
            if (name.endsWith(".json")) {
                assertThat(JSON.readTree(content).isObject()).as(name).isTrue();
            }
        });
        String json = files.entrySet().stream()
                .filter(file -> file.getKey().endsWith(".json"))
                .map(Map.Entry::getValue)
                .reduce("", String::concat);
        String html = files.get("index.html");
        assertThat(fixture.mine).isNotEmpty().allSatisfy(canary -> {
            assertThat(json).as("the JSON files").contains(canary);
            assertThat(html).as("index.html").contains(canary.replace("'", "&#39;"));
        });
        String everything = String.join("\n", files.values());
        assertThat(fixture.hidden)
                .hasSize(7)
                .allSatisfy(canary -> assertThat(everything).doesNotContain(canary));
        assertThat(everything).doesNotContain(fixture.q.email()).contains(p.email());
        assertThat(JSON.readTree(files.get("profile.json"))
                        .get("person")
                        .get("email")
                        .asString())
                .isEqualTo(p.email());

        // the link worked once
        JsonNode gone =
                api.get(p.token(), "/api/v1/me/exports/" + id + "/download").expectProblem(410);
        assertThat(gone.get("detail").asString()).contains("already downloaded");
        assertThat(api.get(p.token(), "/api/v1/me/exports/" + id).expect(200).text("status"))
                .isEqualTo("DOWNLOADED");
        assertThat(jdbc.sql("select count(*) from person_export where id = :id and archive is not null")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anExportNotDownloadedInTimeAnswersGoneAndTheJobDeletesIt() {
        clock.freeze();
        Account p = new ExportFixtures(api).p;
        UUID id =
                api.post(p.token(), "/api/v1/me/exports", Map.of()).expect(202).id();
        exports.buildPending();

        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(api.get(p.token(), "/api/v1/me/exports/" + id).expect(200).text("status"))
                .isEqualTo("EXPIRED");
        assertThat(api.get(p.token(), "/api/v1/me/exports/" + id + "/download")
                        .expectProblem(410)
                        .get("detail")
                        .asString())
                .contains("expired");
        assertThat(exports.forgetOld()).isPositive();
        assertThat(jdbc.sql("select status from person_export where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("EXPIRED");

        clock.advance(Duration.ofDays(30));
        exports.forgetOld();
        api.get(p.token(), "/api/v1/me/exports/" + id).expectProblem(404);
    }

    @Test
    void thePageAsksShowsAndDownloadsOnceThenSaysTheLinkIsGone() throws IOException {
        Account p = new ExportFixtures(api).p;
        String session = api.pageSession(p);
        assertThat(api.page(session, "/settings/data").expect(200).body()).contains("Your data", "Prepare an export");
        api.postForm(session, "/settings/data", "/settings/data", Map.of()).expect(302);
        assertThat(api.page(session, "/settings/data").expect(200).body()).contains("being prepared");
        exports.buildPending();
        UUID id = UUID.fromString(api.get(p.token(), "/api/v1/me/exports")
                .expect(200)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString());
        String page = api.page(session, "/settings/data").expect(200).body();
        String link = "/settings/data/" + id + "/download";
        assertThat(page).contains(link);

        ApiResponse first = api.page(session, link).expect(200);
        assertThat(first.headers().getContentDisposition().getFilename())
                .startsWith("kept-export-")
                .endsWith(".zip");
        ApiResponse second = api.page(session, link).expect(410);
        assertThat(second.body()).contains("This link no longer works", "Ask for a new export");

        String strangersSession = api.pageSession(api.join(new ExportFixtures(api).admin));
        api.page(strangersSession, link).expect(404);
    }

    @Test
    void buildingRunsTheSameStatementsForTenTimesTheItems() {
        ExportFixtures fixture = new ExportFixtures(api).everything();
        JobStatements statements = JobStatements.on(dataSource);
        api.post(fixture.p.token(), "/api/v1/me/exports", Map.of()).expect(202);
        long small = statements
                .count(() -> assertThat(exports.buildPending()).isOne())
                .statements();

        fixture.more(10);
        api.post(fixture.p.token(), "/api/v1/me/exports", Map.of()).expect(202);
        long large = statements
                .count(() -> assertThat(exports.buildPending()).isOne())
                .statements();

        assertThat(large).isEqualTo(small).isLessThan(40);
    }

    @Test
    void onceThePartnershipEndsThePartnersSharedNotesStayOutAndOnesOwnStayIn() throws IOException {
        ExportFixtures fixture = new ExportFixtures(api).everything();
        api.post(fixture.q.token(), "/api/v1/partnerships/" + fixture.partnership + "/end", Map.of())
                .expect(200);

        String everything = String.join("\n", unzip(exportOf(fixture.p)).values());

        assertThat(fixture.mine)
                .filteredOn(canary -> canary.startsWith("my shared note") || canary.startsWith("my private note"))
                .hasSize(2)
                .allSatisfy(canary -> assertThat(everything).contains(canary));
        assertThat(fixture.mine)
                .filteredOn(canary -> canary.startsWith("partner's shared note"))
                .singleElement()
                .satisfies(canary -> assertThat(everything).doesNotContain(canary));
        assertThat(fixture.hidden).allSatisfy(canary -> assertThat(everything).doesNotContain(canary));
    }

    private byte[] exportOf(Account who) {
        UUID id = api.post(who.token(), "/api/v1/me/exports", Map.of())
                .expect(202)
                .id();
        exports.buildPending();
        return download(who, "/api/v1/me/exports/" + id + "/download");
    }

    private byte[] download(Account who, String path) {
        return api.http()
                .get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + who.token())
                .retrieve()
                .body(byte[].class);
    }

    private static Map<String, String> unzip(byte[] archive) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
