package dev.kept.security;

import dev.kept.people.OrganizationSettingsChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an organization stops allowing API tokens that never expire, the ones it has get the
 * default expiry from then on, so that no token outlives the rule by more than that. Running it
 * twice changes nothing more: a token with an expiry is left alone.
 */
@Component
class ApiTokenPolicy {

    private final ApiTokens tokens;

    ApiTokenPolicy(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @ApplicationModuleListener
    void on(OrganizationSettingsChanged changed) {
        if (!changed.apiTokensMayNeverExpire()) {
            tokens.expireNeverExpiring(changed.organizationId());
        }
    }
}
