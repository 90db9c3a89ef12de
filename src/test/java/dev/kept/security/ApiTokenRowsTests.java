package dev.kept.security;

import static dev.kept.SameMapping.assertSameEntity;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A token read by its hash, on every request with a bearer token, maps its row by hand. */
@KeptApiTest
class ApiTokenRowsTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    ApiTokenRepository tokens;

    @Autowired
    ApiTokens apiTokens;

    @Test
    void aTokenReadByHandEqualsTheGenericRead() {
        Account admin = api.signUp();
        api.get(admin.token(), "/api/v1/me").expect(200);
        ApiToken stored = apiTokens
                .byHash(dev.kept.shared.SecretTokens.hash(admin.token()))
                .orElseThrow();
        UUID id = stored.getId();

        assertSameEntity(tokens.findById(id).orElseThrow(), stored, "revokedAt");
    }
}
