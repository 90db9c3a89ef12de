package dev.kept.sso;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on settings.
 *
 * @param secretKey the AES key (256 bits, Base64) that encrypts the providers' client secrets; when
 *     unset, a key is generated once and kept in {@code keyFile}. Several instances must share one
 *     key: set it (environment {@code KEPT_SSO_SECRET_KEY}) on PostgreSQL deployments
 * @param keyFile where the generated key is kept when {@code secretKey} is unset
 * @param passwordSignInForAdmins break glass: admins of an organization that signs in only through
 *     single sign-on may sign in with their password again (for when the identity provider is down
 *     or misconfigured); off by default
 * @param discoveryRefresh how long a provider's discovered configuration (endpoints, keys address)
 *     is kept before it is read again from the issuer; a change of the provider reads it at once
 */
@ConfigurationProperties("kept.sso")
public record SsoProperties(
        String secretKey,
        @DefaultValue("./data/sso-secret.key") String keyFile,
        @DefaultValue("false") boolean passwordSignInForAdmins,
        @DefaultValue("1h") Duration discoveryRefresh) {}
