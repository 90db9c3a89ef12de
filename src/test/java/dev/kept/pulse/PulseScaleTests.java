package dev.kept.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.StatementCounter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A pulse's results, and the rounds a member is asked, run as many statements for a pulse with a
 * few rounds and answers as for one with ten times as many.
 */
@KeptApiTest
class PulseScaleTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    StatementCounter counter;

    @Autowired
    JdbcClient jdbc;

    record Reader(Account admin, Account member, UUID pulse, String session) {}

    @Test
    void readsTheSameNumberOfStatementsForTenTimesTheAnswersAndRounds() {
        Reader small = pulseWith(2, 6);
        Reader large = pulseWith(20, 60);
        for (String path : List.of("/api/v1/pulses/%s/results", "/api/v1/pulses/%s/results.csv")) {
            assertThat(statements(large.admin(), path.formatted(large.pulse())))
                    .as(path)
                    .isEqualTo(statements(small.admin(), path.formatted(small.pulse())));
            assertThat(statements(large.member(), path.formatted(large.pulse())))
                    .as(path)
                    .isEqualTo(statements(small.member(), path.formatted(small.pulse())));
        }
        assertThat(statements(large.member(), "/api/v1/pulses/asked"))
                .isEqualTo(statements(small.member(), "/api/v1/pulses/asked"));
        for (String path : List.of("/pulse/%s/results", "/pulse")) {
            assertThat(pageStatements(large, path.formatted(large.pulse())))
                    .as(path)
                    .isEqualTo(pageStatements(small, path.formatted(small.pulse())));
        }
    }

    /** A pulse to two teams with {@code rounds} closed rounds, each answered by {@code perTeam} of each team. */
    private Reader pulseWith(int rounds, int perTeam) {
        Account admin = api.signUp();
        UUID a = api.team(admin, ApiFixtures.unique("A"));
        UUID b = api.team(admin, ApiFixtures.unique("B"));
        Account member = api.join(admin, Map.of("teamId", a.toString()));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID pulse = api.post(
                        admin.token(),
                        "/api/v1/pulses",
                        PulseFixtures.draft(List.of("One.", "Two."), List.of(a, b), today, 5))
                .expect(201)
                .id();
        List<UUID> questions = jdbc.sql("select id from pulse_question where pulse_id = :pulse order by position")
                .param("pulse", pulse)
                .query(UUID.class)
                .list();
        for (int r = 1; r <= rounds; r++) {
            UUID round = UUID.randomUUID();
            LocalDate opens = today.minusDays(7L * r + 7);
            jdbc.sql("""
                            insert into pulse_round (id, pulse_id, organization_id, opens_on, closes_on)
                            values (:id, :pulse, :organization, :opens, :closes)""")
                    .param("id", round)
                    .param("pulse", pulse)
                    .param("organization", admin.organizationId())
                    .param("opens", opens)
                    .param("closes", opens.plusDays(7))
                    .update();
            for (UUID team : List.of(a, b)) {
                for (int i = 0; i < perTeam; i++) {
                    for (UUID question : questions) {
                        jdbc.sql("""
                                        insert into pulse_answer (id, round_id, team_id, question_id, score)
                                        values (:id, :round, :team, :question, :score)""")
                                .param("id", UUID.randomUUID())
                                .param("round", round)
                                .param("team", team)
                                .param("question", question)
                                .param("score", 1 + (i % 5))
                                .update();
                    }
                    jdbc.sql(
                                    "insert into pulse_comment (id, round_id, team_id, text) values (:id, :round, :team, :text)")
                            .param("id", UUID.randomUUID())
                            .param("round", round)
                            .param("team", team)
                            .param("text", "comment " + i)
                            .update();
                }
            }
        }
        return new Reader(admin, member, pulse, api.pageSession(member));
    }

    private long statements(Account account, String path) {
        return counter.statementsOf(key -> api.getCounted(account.token(), path, key));
    }

    private long pageStatements(Reader reader, String path) {
        return counter.statementsOf(key -> api.getPageCounted(reader.session(), path, key));
    }
}
