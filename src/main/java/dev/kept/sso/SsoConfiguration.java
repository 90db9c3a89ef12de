package dev.kept.sso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

@Configuration
@EnableConfigurationProperties(SsoProperties.class)
class SsoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SsoConfiguration.class);

    /** The key from {@code kept.sso.secret-key}, else the one generated once into the key file. */
    @Bean
    SecretBox ssoSecrets(SsoProperties properties) {
        String key = properties.secretKey();
        if (key == null || key.isBlank()) {
            key = keptKey(Path.of(properties.keyFile()));
        }
        try {
            return new SecretBox(Base64.getDecoder().decode(key.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "kept.sso.secret-key must be 32 random bytes in Base64 (openssl rand -base64 32)", e);
        }
    }

    private static String keptKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Path folder = file.toAbsolutePath().getParent();
                Files.createDirectories(folder);
                try {
                    Files.writeString(
                            file, SecretBox.newKey() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
                    restrict(file);
                    log.info("Generated the single sign-on secret key in {}", file.toAbsolutePath());
                } catch (FileAlreadyExistsException another) {
                    // another instance wrote it first: read theirs
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the single sign-on secret key in " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's permissions apply
        }
    }

    /**
     * The ID token decoders of the providers. Spring Security's own factory keeps one decoder per
     * registration id for ever; a provider whose issuer, keys address or client id changed needs a
     * new one, so the decoder is made again when any of them differs.
     */
    @Bean
    JwtDecoderFactory<ClientRegistration> ssoIdTokenDecoders() {
        Map<String, Map.Entry<String, JwtDecoder>> decoders = new ConcurrentHashMap<>();
        return registration -> {
            String made = registration.getProviderDetails().getIssuerUri() + " "
                    + registration.getProviderDetails().getJwkSetUri() + " " + registration.getClientId();
            return decoders.compute(
                            registration.getRegistrationId(),
                            (id, known) -> known != null && known.getKey().equals(made)
                                    ? known
                                    : Map.entry(made, new OidcIdTokenDecoderFactory().createDecoder(registration)))
                    .getValue();
        };
    }
}
