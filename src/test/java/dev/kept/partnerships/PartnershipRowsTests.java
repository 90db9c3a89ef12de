package dev.kept.partnerships;

import static dev.kept.SameMapping.assertSameEntity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A person's partnerships, read by the access rules on most requests, map their rows by hand. */
@KeptApiTest
class PartnershipRowsTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    PartnershipRepository partnerships;

    @Test
    void aPartnershipReadByHandEqualsTheGenericRead() {
        Account admin = api.signUp();
        Account partner = api.join(admin);
        UUID id = api.partnership(admin, partner, "PEER");

        List<Partnership> of = partnerships.findOf(admin.organizationId(), partner.personId());
        assertThat(of).extracting(Partnership::getId).containsExactly(id);
        // an active partnership has not ended, and was not invited with a message or a lapse date
        assertSameEntity(
                partnerships.findById(id).orElseThrow(),
                of.get(0),
                "endedAt",
                "lapsesAt",
                "message",
                "inviterChallenge",
                "partnerChallenge");
    }
}
