package dev.kept.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTests {

    private final SecretBox box = new SecretBox(Base64.getDecoder().decode(SecretBox.newKey()));

    @Test
    void opensWhatItSealed() {
        String sealed = box.seal("client-secret-é-42", "provider-1");

        assertThat(box.open(sealed, "provider-1")).isEqualTo("client-secret-é-42");
    }

    @Test
    void neverStoresTheSecretInClearAndNeverTheSameTwice() {
        String first = box.seal("client-secret", "provider-1");
        String second = box.seal("client-secret", "provider-1");

        assertThat(first).startsWith("v1:").doesNotContain("client-secret");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void refusesAChangedByte() {
        String sealed = box.seal("client-secret", "provider-1");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box.open(tampered, "provider-1"))
                .isInstanceOf(SecretBox.UnreadableSecretException.class);
    }

    @Test
    void refusesASecretMovedToAnotherProvider() {
        String sealed = box.seal("client-secret", "provider-1");

        assertThatThrownBy(() -> box.open(sealed, "provider-2"))
                .isInstanceOf(SecretBox.UnreadableSecretException.class);
    }

    @Test
    void refusesAnotherKey() {
        String sealed = box.seal("client-secret", "provider-1");
        SecretBox other = new SecretBox(Base64.getDecoder().decode(SecretBox.newKey()));

        assertThatThrownBy(() -> other.open(sealed, "provider-1"))
                .isInstanceOf(SecretBox.UnreadableSecretException.class)
                .hasMessageNotContaining("client-secret");
    }

    @Test
    void refusesWhatIsNoSealedSecret() {
        assertThatThrownBy(() -> box.open("client-secret", "provider-1"))
                .isInstanceOf(SecretBox.UnreadableSecretException.class);
        assertThatThrownBy(() -> box.open("v1:AAAA", "provider-1"))
                .isInstanceOf(SecretBox.UnreadableSecretException.class);
        assertThatThrownBy(() -> box.open("v1:not base64!", "provider-1"))
                .isInstanceOf(SecretBox.UnreadableSecretException.class);
    }

    @Test
    void refusesAKeyOfTheWrongSize() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
