package dev.kept.sso;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An identity provider of an organization as an admin sees it: never its client secret, only
 * whether one is set.
 *
 * @param domains the e-mail domains whose addresses it may sign in, in lower case
 */
public record IdentityProvider(
        UUID id,
        String name,
        String issuer,
        String clientId,
        boolean clientSecretSet,
        List<String> domains,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    public IdentityProvider {
        domains = List.copyOf(domains);
    }

    /** Whether an e-mail of this domain (lower case) may sign in through this provider. */
    boolean allows(String domain) {
        return domains.contains(domain);
    }
}
