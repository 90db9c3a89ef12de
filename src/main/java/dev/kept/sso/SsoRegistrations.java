package dev.kept.sso;

import dev.kept.sso.SingleSignOn.Unsealed;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

/**
 * The client registrations of {@code oauth2Login}, one per enabled identity provider, its
 * registration id the provider's id. Each is built from the issuer's discovery document
 * (OpenID Connect Discovery), kept until the provider changes or {@code kept.sso.discovery-refresh}
 * passes; the provider row is read on every call, so a disabled or changed provider takes effect
 * at once on every instance. A provider whose issuer cannot be read has no registration (the
 * sign-in is refused with a message) and is asked again at the next sign-in; so does a provider whose
 * client secret cannot be decrypted (the key changed).
 */
@Component
class SsoRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(SsoRegistrations.class);

    private record Discovered(Instant providerUpdatedAt, Instant at, ClientRegistration registration) {}

    private final SingleSignOn singleSignOn;
    private final SsoProperties properties;
    private final Clock clock;
    private final Map<UUID, Discovered> discovered = new ConcurrentHashMap<>();

    SsoRegistrations(SingleSignOn singleSignOn, SsoProperties properties, Clock clock) {
        this.singleSignOn = singleSignOn;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        Optional<UUID> id = idOf(registrationId);
        Optional<Unsealed> provider;
        try {
            provider = id.flatMap(singleSignOn::enabled);
        } catch (SecretBox.UnreadableSecretException unreadable) {
            log.error(
                    "The client secret of identity provider {} cannot be decrypted: was kept.sso.secret-key changed?"
                            + " An admin enters the secret again.",
                    registrationId);
            return null;
        }
        if (provider.isEmpty()) {
            id.ifPresent(discovered::remove);
            return null;
        }
        Unsealed current = provider.get();
        Instant now = clock.instant();
        Discovered known = discovered.get(current.provider().id());
        if (known != null
                && known.providerUpdatedAt().equals(current.provider().updatedAt())
                && known.at().plus(properties.discoveryRefresh()).isAfter(now)) {
            return known.registration();
        }
        try {
            ClientRegistration registration = ClientRegistrations.fromIssuerLocation(
                            current.provider().issuer())
                    .registrationId(registrationId)
                    .clientName(current.provider().name())
                    .clientId(current.provider().clientId())
                    .clientSecret(current.clientSecret())
                    .scope("openid", "email", "profile")
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .userNameAttributeName(IdTokenClaimNames.SUB)
                    .build();
            discovered.put(
                    current.provider().id(), new Discovered(current.provider().updatedAt(), now, registration));
            return registration;
        } catch (RuntimeException unreadable) {
            discovered.remove(current.provider().id());
            log.warn(
                    "The issuer {} of identity provider {} could not be read: {}",
                    current.provider().issuer(),
                    current.provider().id(),
                    unreadable.getMessage());
            return null;
        }
    }

    private static Optional<UUID> idOf(String registrationId) {
        try {
            return Optional.of(UUID.fromString(registrationId));
        } catch (IllegalArgumentException | NullPointerException notAProvider) {
            return Optional.empty();
        }
    }
}
