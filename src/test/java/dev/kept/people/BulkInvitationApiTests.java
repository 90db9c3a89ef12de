package dev.kept.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@KeptApiTest
class BulkInvitationApiTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Test
    void invitesManyAtOnceAndTellsDuplicatesAndPeopleAlreadyThere() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        String ann = ApiFixtures.uniqueEmail("ann");
        String bob = ApiFixtures.uniqueEmail("bob");
        String waiting = ApiFixtures.uniqueEmail("waiting");
        api.invite(admin, Map.of("name", "Waiting", "email", waiting)).expect(201);

        JsonNode answer = invite(
                        admin,
                        List.of(
                                Map.of("name", "Ann Lee", "email", ann),
                                Map.of("email", bob),
                                Map.of("email", ann.toUpperCase()),
                                Map.of("email", member.email()),
                                Map.of("email", waiting)))
                .expect(200)
                .json();

        assertThat(answer.get("invited")).hasSize(2);
        assertThat(answer.get("invited").get(0).get("name").asString()).isEqualTo("Ann Lee");
        assertThat(answer.get("invited").get(1).get("name").asString())
                .isEqualTo(bob.substring(0, bob.indexOf('@')).toLowerCase());
        List<String> skipped = new ArrayList<>();
        answer.get("skipped")
                .forEach(s -> skipped.add(
                        s.get("line").asInt() + " " + s.get("reason").asString()));
        assertThat(skipped).containsExactly("3 DUPLICATE", "4 MEMBER", "5 INVITED");
        String token = api.invitationToken(ann);
        api.accept(token, ApiFixtures.PASSWORD).expect(200);
        assertThat(api.invitationToken(bob)).isNotBlank();
    }

    @Test
    void refusesAListWithABadLineAndInvitesNobody() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        String good = ApiFixtures.uniqueEmail("good");

        JsonNode refused = invite(admin, List.of(Map.of("email", good), Map.of("email", "not an address")))
                .expectProblem(422);

        assertThat(refused.get("reason").asString()).isEqualTo("INVITEES");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("line 2");
        assertThat(refused.get("detail").asString()).contains("not an address");
        assertThat(api.peopleWithEmail(good)).isZero();
        assertThat(invite(admin, List.of()).expectProblem(422).get("reason").asString())
                .isEqualTo("INVITEES");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= 500; i++) {
            tooMany.add(Map.of("email", "p" + i + "@many.example"));
        }
        assertThat(invite(admin, tooMany).expectProblem(422).get("reason").asString())
                .isEqualTo("TOO_MANY");
        api.post(admin.token(), "/api/v1/people/invitations", Map.of("people", List.of(Map.of("name", "No address"))))
                .expectProblem(400);
        invite(member, List.of(Map.of("email", good))).expectProblem(403);
        api.post(member.token(), "/api/v1/people/invitations/resend", null).expectProblem(403);
        api.get(member.token(), "/api/v1/people/invited").expectProblem(403);
        assertThat(api.peopleWithEmail(good)).isZero();
    }

    @Test
    void resendingToEveryoneLeavesInvitationsSentWithinTheHourAndReplacesTheOthers() {
        Account admin = api.signUp();
        String ann = ApiFixtures.uniqueEmail("ann");
        String bob = ApiFixtures.uniqueEmail("bob");
        Account joined = api.join(admin);
        invite(admin, List.of(Map.of("email", ann), Map.of("email", bob))).expect(200);
        String first = api.invitationToken(ann);

        JsonNode soon = api.post(admin.token(), "/api/v1/people/invitations/resend", null)
                .expect(200)
                .json();

        assertThat(soon.get("sent").asInt()).isZero();
        assertThat(soon.get("sentRecently").asLong()).isEqualTo(2);
        clock.advance(Duration.ofHours(2));

        JsonNode later = api.post(admin.token(), "/api/v1/people/invitations/resend", null)
                .expect(200)
                .json();

        assertThat(later.get("sent").asInt()).isEqualTo(2);
        assertThat(later.get("remaining").asLong()).isZero();
        String second = api.invitationTokenOtherThan(ann, first);
        api.accept(first, ApiFixtures.PASSWORD).expectProblem(410);
        api.accept(second, ApiFixtures.PASSWORD).expect(200);
        assertThat(api.mailsTo(joined.email())).hasSize(1);
    }

    @Test
    void listsWhoHasNotJoinedAPageAtATimeAndByTeam() {
        Account admin = api.signUp();
        var team = api.team(admin, "Sales");
        api.join(admin);
        List<String> invited = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = ApiFixtures.uniqueEmail("pending");
            api.invite(admin, Map.of("name", "Pending " + i, "email", email, "teamId", team.toString()))
                    .expect(201);
            invited.add(email.toLowerCase());
            clock.advance(Duration.ofMinutes(1));
        }
        String other = ApiFixtures.uniqueEmail("other");
        invite(admin, List.of(Map.of("email", other))).expect(200);
        String guest = ApiFixtures.uniqueEmail("guest");
        api.post(admin.token(), "/api/v1/partnerships", Map.of("email", guest, "kind", "PEER"))
                .expect(201);

        List<JsonNode> everyone = api.followPages(admin.token(), "/api/v1/people/invited?limit=2");
        List<JsonNode> sales = api.followPages(admin.token(), "/api/v1/people/invited?limit=2&team=" + team);

        assertThat(everyone.stream().map(p -> p.get("email").asString()))
                .containsExactly(other.toLowerCase(), invited.get(2), invited.get(1), invited.get(0));
        assertThat(sales.stream().map(p -> p.get("email").asString()))
                .containsExactly(invited.get(2), invited.get(1), invited.get(0));
        assertThat(sales.get(0).get("teamName").asString()).isEqualTo("Sales");
        assertThat(sales.get(0).get("invitedAt").asString()).isNotBlank();
        assertThat(sales.get(0).get("lastSentAt").asString()).isNotBlank();
        assertThat(everyone).noneMatch(p -> p.get("email").asString().equals(guest.toLowerCase()));
        api.expectPagingRefused(admin.token(), "/api/v1/people/invited");
    }

    private dev.kept.ApiResponse invite(Account admin, List<? extends Map<String, ?>> people) {
        return api.post(admin.token(), "/api/v1/people/invitations", Map.of("people", people));
    }
}
