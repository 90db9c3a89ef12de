package dev.kept.goals;

import static dev.kept.SameMapping.assertSameEntity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The hot reads of a goal map a row by hand: the same entity as the generic mapping. */
@KeptApiTest
class GoalRowsTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    GoalRepository goals;

    private UUID goal(Account who, String title, UUID teamId, UUID parentId) {
        Map<String, Object> terms = new java.util.LinkedHashMap<>();
        terms.put("title", title);
        terms.put("why", "Customers who succeed early stay");
        terms.put("doneWhen", "Nine in ten new customers are active after a month");
        terms.put("due", LocalDate.now().plusDays(90).toString());
        if (teamId != null) {
            terms.put("teamId", teamId.toString());
        }
        if (parentId != null) {
            terms.put("parentId", parentId.toString());
        }
        return api.post(who.token(), "/api/v1/goals", terms).expect(201).id();
    }

    @Test
    void aGoalReadByHandEqualsTheGenericReadWithEveryColumnSet() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Support"));
        UUID parent = goal(admin, "Customers succeed in month one", null, null);
        UUID child = goal(admin, "Answer within a day", team, parent);
        Account other = api.signUp();

        Goal generic = goals.findById(child).orElseThrow();
        assertSameEntity(
                generic,
                goals.findByIdAndOrganizationId(child, admin.organizationId()).orElseThrow());
        List<Goal> among = goals.findAmong(admin.organizationId(), List.of(child, parent, UUID.randomUUID()));
        assertThat(among).extracting(Goal::getId).containsExactlyInAnyOrder(child, parent);
        assertSameEntity(
                generic,
                among.stream().filter(g -> g.getId().equals(child)).findFirst().orElseThrow());
        assertThat(goals.findAmong(other.organizationId(), List.of(child, parent)))
                .as("another organization's goals are left out")
                .isEmpty();
        assertSameEntity(
                generic,
                goals.findChoices(admin.organizationId(), team, child, 10).stream()
                        .filter(g -> g.getId().equals(child))
                        .findFirst()
                        .orElseThrow());
    }
}
