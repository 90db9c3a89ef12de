package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * The application's password encoder, as it runs in production (the full tests hash at a test's
 * cost, see {@code dev.kept.FastPasswordHashing}).
 */
class PasswordHashingTests {

    private final PasswordEncoder encoder = new SecurityConfiguration().passwordEncoder();

    @Test
    void writesPbkdf2AtSpringSecuritysRecommendedCost() {
        String hash = encoder.encode("analytical engine 1843");

        assertThat(hash).startsWith("{pbkdf2@SpringSecurity_v5_8}");
        // the stored part reads back with Spring Security's own defaults (310,000 iterations)
        assertThat(Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()
                        .matches("analytical engine 1843", hash.substring(hash.indexOf('}') + 1)))
                .isTrue();
        assertThat(encoder.matches("analytical engine 1843", hash)).isTrue();
        assertThat(encoder.matches("analytical engine 1844", hash)).isFalse();
    }

    @Test
    void takesTheLongestPasswordThePolicyAllowsWhichBcryptWouldCut() {
        String longest = "x".repeat(127) + "y";

        String hash = encoder.encode(longest);

        assertThat(encoder.matches(longest, hash)).isTrue();
        assertThat(encoder.matches("x".repeat(127) + "z", hash)).isFalse();
    }

    @Test
    void stillMatchesHashesStoredWithBcrypt() {
        String stored = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("analytical engine 1843");

        assertThat(encoder.matches("analytical engine 1843", stored)).isTrue();
        assertThat(encoder.matches("analytical engine 1844", stored)).isFalse();
    }
}
