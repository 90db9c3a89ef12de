package dev.kept.partnerships;

import static dev.kept.partnerships.PartnershipFixtures.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * When an admin changes a reporting line so that two partners end up in one line, their
 * partnership is suspended in the same request, nothing more is seen through it, and both are told
 * without any reason beyond "reporting line".
 */
@KeptApiTest
class SuspensionTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    private PartnershipFixtures partners;

    @BeforeEach
    void fixtures() {
        partners = new PartnershipFixtures(api);
    }

    @Test
    void makingOnePartnerTheOthersManagerSuspendsThePartnershipInTheSameRequest() {
        Account admin = api.signUp();
        Account a = api.join(admin);
        Account b = api.join(admin);
        UUID id = api.partnership(a, b, "PEER");
        UUID sharedByA = api.commit(a, LocalDate.now(clock).plusDays(9), "PARTNERS");
        UUID sharedByB = api.commit(b, LocalDate.now(clock).plusDays(9), "PARTNERS");
        UUID challenge = api.post(
                        b.token(),
                        "/api/v1/commitments/" + sharedByA + "/challenges",
                        Map.of("message", "What is the first step?"))
                .expect(201)
                .id();
        api.get(b.token(), "/api/v1/commitments/" + sharedByA).expect(200);

        partners.moveUnder(admin, b, a).expect(200);

        assertThat(partners.status(a, id)).isEqualTo("SUSPENDED");
        assertThat(partners.status(b, id)).isEqualTo("SUSPENDED");
        api.get(b.token(), "/api/v1/commitments/" + sharedByA).expectProblem(404);
        api.get(a.token(), "/api/v1/commitments/" + sharedByB).expectProblem(404);
        assertThat(ids(api.get(b.token(), "/api/v1/commitments"))).containsExactly(sharedByB.toString());
        assertThat(ids(api.get(a.token(), "/api/v1/commitments"))).containsExactly(sharedByA.toString());
        api.get(b.token(), "/api/v1/challenges/" + challenge).expectProblem(404);
        api.get(b.token(), "/api/v1/commitments/" + sharedByA + "/challenges").expectProblem(404);
        api.post(b.token(), "/api/v1/commitments/" + sharedByA + "/challenges", Map.of("message", "Still there?"))
                .expectProblem(404);
    }

    @Test
    void bothAreToldOfTheSuspensionWithNoReasonBeyondTheReportingLine() {
        Account admin = api.signUp();
        Account a = api.join(admin);
        Account b = api.join(admin);
        Account manager = api.join(admin);
        Account report = partners.reportOf(admin, manager);
        UUID id = api.partnership(a, b, "PEER");

        // b's new manager reports to a: a is now two levels above b
        partners.moveUnder(admin, b, report).expect(200);
        partners.moveUnder(admin, report, a).expect(200);

        assertThat(partners.status(b, id)).isEqualTo("SUSPENDED");
        for (Account partner : List.of(a, b)) {
            Account otherSide = partner == a ? b : a;
            String told = api.awaitNotification(partner, "suspended");
            assertThat(told)
                    .contains("reporting line")
                    .contains(otherSide.name())
                    .doesNotContain(report.name())
                    .doesNotContain(manager.name())
                    .doesNotContain(admin.name())
                    .doesNotContainIgnoringCase("manager")
                    .doesNotContainIgnoringCase("above")
                    .doesNotContainIgnoringCase("below")
                    .doesNotContainIgnoringCase("reports to");
        }
        ApiResponse inbox = api.get(b.token(), "/api/v1/notifications").expect(200);
        assertThat(inbox.json().findValuesAsString("kind")).contains("PARTNERSHIP_SUSPENDED");
        assertThat(inbox.json().findValuesAsString("link")).contains("/partnerships/" + id);
        assertThat(partners.get(b, id).body()).doesNotContain(report.name()).doesNotContain(admin.name());
    }

    @Test
    void aManagerThreeLevelsUpSuspendsTheirPartnershipWithAReport() {
        Account admin = api.signUp();
        Account top = api.join(admin);
        Account upper = api.join(admin);
        Account lower = partners.reportOf(admin, upper);
        Account bottom = partners.reportOf(admin, lower);
        UUID id = api.partnership(bottom, top, "MENTOR");
        Account unrelated = api.join(admin);
        UUID untouched = api.partnership(unrelated, top, "PEER");

        partners.moveUnder(admin, upper, top).expect(200);

        assertThat(partners.status(top, id)).isEqualTo("SUSPENDED");
        assertThat(partners.status(top, untouched)).isEqualTo("ACTIVE");
        assertThat(reason(partners.act(top, id, "resume"))).isEqualTo("REPORTING_LINE");
    }

    @Test
    void resumeIsRefusedWhileInOneLineAndWorksOnceTheLineIsChangedBack() {
        Account admin = api.signUp();
        Account a = api.join(admin);
        Account b = api.join(admin);
        UUID id = api.partnership(a, b, "COACH");
        UUID shared = api.commit(a, LocalDate.now(clock).plusDays(4), "PARTNERS");
        partners.moveUnder(admin, a, b).expect(200);

        assertThat(reason(partners.act(a, id, "resume"))).isEqualTo("REPORTING_LINE");
        assertThat(reason(partners.act(b, id, "resume"))).isEqualTo("REPORTING_LINE");
        partners.act(a, id, "pause").expectProblem(409);
        partners.act(b, id, "accept").expectProblem(409);
        assertThat(partners.status(a, id)).isEqualTo("SUSPENDED");

        partners.moveUnder(admin, a, null).expect(200);
        assertThat(partners.status(a, id)).as("not resumed by itself").isEqualTo("SUSPENDED");
        api.get(b.token(), "/api/v1/commitments/" + shared).expectProblem(404);

        assertThat(partners.act(b, id, "resume").expect(200).text("status")).isEqualTo("ACTIVE");
        api.get(b.token(), "/api/v1/commitments/" + shared).expect(200);
        assertThat(api.awaitNotification(a, b.name() + " resumed")).contains("resumed your partnership");
    }

    @Test
    void aSecondSuspensionIsToldAgain() {
        Account admin = api.signUp();
        Account a = api.join(admin);
        Account b = api.join(admin);
        UUID id = api.partnership(a, b, "PEER");
        partners.moveUnder(admin, b, a).expect(200);
        api.awaitNotification(a, "suspended");
        partners.moveUnder(admin, b, null).expect(200);
        partners.act(a, id, "resume").expect(200);

        partners.moveUnder(admin, a, b).expect(200);

        assertThat(partners.status(a, id)).isEqualTo("SUSPENDED");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api.notifications(a))
                        .filteredOn(text -> text.contains("suspended"))
                        .hasSize(2));
        assertThat(api.notifications(b))
                .filteredOn(text -> text.contains("suspended"))
                .hasSize(2);
    }

    @Test
    void partnershipsOfPeopleNotPutInOneLineStayActive() {
        Account admin = api.signUp();
        Account manager = api.join(admin);
        Account moved = api.join(admin);
        Account sibling = partners.reportOf(admin, manager);
        Account elsewhere = api.join(admin);
        UUID withSibling = api.partnership(moved, sibling, "PEER");
        UUID withElsewhere = api.partnership(elsewhere, moved, "PEER");
        UUID paused = api.partnership(sibling, elsewhere, "MENTOR");
        partners.act(sibling, paused, "pause").expect(200);
        UUID shared = api.commit(moved, LocalDate.now(clock).plusDays(3), "PARTNERS");

        // moved now shares a manager with sibling: siblings are not in one line
        partners.moveUnder(admin, moved, manager).expect(200);
        api.patch(admin.token(), "/api/v1/people/" + elsewhere.personId(), Map.of("title", "Staff engineer"))
                .expect(200);

        assertThat(partners.status(moved, withSibling)).isEqualTo("ACTIVE");
        assertThat(partners.status(moved, withElsewhere)).isEqualTo("ACTIVE");
        assertThat(partners.status(sibling, paused)).isEqualTo("PAUSED");
        api.get(sibling.token(), "/api/v1/commitments/" + shared).expect(200);
        api.get(elsewhere.token(), "/api/v1/commitments/" + shared).expect(200);
        api.get(manager.token(), "/api/v1/commitments/" + shared).expectProblem(404);
    }

    private static List<String> ids(ApiResponse list) {
        return list.expect(200).json().findValuesAsString("id");
    }
}
