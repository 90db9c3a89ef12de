package dev.kept.partnerships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An invitation nobody answers lapses after 30 days, shown to the inviter from the start; an
 * invitation to someone who has not joined Kept yet says so to the inviter.
 */
@KeptApiTest
class InvitationLapseTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    InvitationLapses lapses;

    private PartnershipFixtures partners;

    @BeforeEach
    void fixtures() {
        partners = new PartnershipFixtures(api);
        clock.freeze();
    }

    @Test
    void anUnansweredInvitationLapsesAfterThirtyDaysAndTheTwoCanBeInvitedAgain() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);
        Instant sent = clock.instant();
        JsonNode invitation = api.invitePartner(inviter, invited.personId(), "PEER")
                .expect(201)
                .json();
        UUID id = UUID.fromString(invitation.get("id").asString());

        assertThat(Instant.parse(invitation.get("lapsesAt").asString()))
                .isCloseTo(sent.plus(Duration.ofDays(30)), within(1, ChronoUnit.MILLIS));
        clock.advance(Duration.ofDays(30).minusMinutes(1));
        assertThat(partners.status(inviter, id)).isEqualTo("INVITED");

        clock.advance(Duration.ofMinutes(1));
        // past its lapse it reads as lapsed and cannot be answered, before the job has run
        assertThat(partners.status(inviter, id)).isEqualTo("LAPSED");
        assertThat(partners.status(invited, id)).isEqualTo("LAPSED");
        partners.act(invited, id, "accept").expectProblem(409);
        partners.act(invited, id, "decline").expectProblem(409);

        assertThat(lapses.lapse()).isGreaterThanOrEqualTo(1);
        assertThat(lapses.lapse()).as("a lapsed invitation lapses once").isZero();
        JsonNode lapsed = partners.get(inviter, id).expect(200).json();
        assertThat(lapsed.get("status").asString()).isEqualTo("LAPSED");
        assertThat(lapsed.has("lapsesAt")).isFalse();
        UUID again = api.invitePartner(inviter, invited.personId(), "PEER")
                .expect(201)
                .id();
        assertThat(partners.act(invited, again, "accept").expect(200).text("status"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void anInvitationPastItsLapseDoesNotBlockANewOneBeforeTheJobRuns() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);
        UUID first = api.invitePartner(inviter, invited.personId(), "PEER")
                .expect(201)
                .id();
        assertThat(PartnershipFixtures.reason(api.invitePartner(invited, inviter.personId(), "PEER")))
                .isEqualTo("DUPLICATE");

        clock.advance(Duration.ofDays(31));

        UUID second = api.invitePartner(invited, inviter.personId(), "PEER")
                .expect(201)
                .id();
        assertThat(partners.status(inviter, first)).isEqualTo("LAPSED");
        assertThat(partners.status(inviter, second)).isEqualTo("INVITED");
    }

    @Test
    void tellsTheInviterWhenThePersonInvitedHasNotJoinedKeptYet() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account joined = api.join(admin);
        UUID notYet = api.invite(admin, Map.of("name", "Nia Newcomer", "email", ApiFixtures.uniqueEmail("nia")))
                .expect(201)
                .id();

        JsonNode waiting =
                api.invitePartner(inviter, notYet, "PEER").expect(201).json();
        JsonNode ordinary = api.invitePartner(inviter, joined.personId(), "PEER")
                .expect(201)
                .json();

        assertThat(waiting.get("partnerJoined").asBoolean()).isFalse();
        assertThat(waiting.get("notice").asString())
                .isEqualTo("Nia Newcomer has not joined Kept yet: they will see" + " your invitation once they do.");
        assertThat(ordinary.get("partnerJoined").asBoolean()).isTrue();
        assertThat(ordinary.has("notice")).isFalse();
        assertThat(partners.get(inviter, UUID.fromString(waiting.get("id").asString()))
                        .expect(200)
                        .text("notice"))
                .contains("has not joined Kept yet");
    }
}
