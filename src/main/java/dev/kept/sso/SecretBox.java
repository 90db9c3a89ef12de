package dev.kept.sso;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the providers' client secrets with AES-GCM: a fresh 96-bit nonce for each one, a 128-bit
 * tag, and the provider's id as associated data, so a secret copied onto another provider's row, a
 * changed byte or another key fails to open instead of yielding garbage. Stored as {@code v1:} and
 * the Base64 of the nonce and the ciphertext.
 */
final class SecretBox {

    static final int KEY_BYTES = 32;

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The single sign-on secret key must be 256 bits (32 bytes)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A new random key, Base64, for {@code kept.sso.secret-key}. */
    static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    String seal(String secret, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The secret {@link #seal} stored; {@link UnreadableSecretException} when it was changed, bound
     * to something else or sealed with another key.
     */
    String open(String stored, String boundTo) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new UnreadableSecretException();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            if (bytes.length <= NONCE_BYTES) {
                throw new UnreadableSecretException();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new UnreadableSecretException();
        }
    }

    /** A stored secret that does not open with this key (changed, moved, or another key). */
    static final class UnreadableSecretException extends RuntimeException {
        UnreadableSecretException() {
            super("A client secret could not be decrypted: was kept.sso.secret-key changed?");
        }
    }
}
