package dev.kept.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key that encrypts the client secrets comes from when none is set. */
class SecretKeyFileTests {

    private final SsoConfiguration configuration = new SsoConfiguration();

    private static SsoProperties keyIn(Path file) {
        return new SsoProperties(null, file.toString(), false, Duration.ofHours(1));
    }

    @Test
    void generatesAKeyOnceAndKeepsItForTheNextStart(@TempDir Path data) throws IOException {
        Path file = data.resolve("nested").resolve("sso-secret.key");

        String sealed = configuration.ssoSecrets(keyIn(file)).seal("secret", "p");
        String key = Files.readString(file);

        assertThat(configuration.ssoSecrets(keyIn(file)).open(sealed, "p")).isEqualTo("secret");
        assertThat(Files.readString(file)).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void aSetKeyWinsOverTheFile(@TempDir Path data) {
        SsoProperties set =
                new SsoProperties(SecretBox.newKey(), data.resolve("never").toString(), false, Duration.ZERO);

        configuration.ssoSecrets(set);

        assertThat(data.resolve("never")).doesNotExist();
    }

    @Test
    void refusesAKeyThatIsNot256Bits(@TempDir Path data) {
        SsoProperties shortKey = new SsoProperties("c2hvcnQ=", data.toString(), false, Duration.ZERO);
        SsoProperties notBase64 = new SsoProperties("not base64 at all!", data.toString(), false, Duration.ZERO);

        assertThatThrownBy(() -> configuration.ssoSecrets(shortKey)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> configuration.ssoSecrets(notBase64)).isInstanceOf(IllegalStateException.class);
    }
}
