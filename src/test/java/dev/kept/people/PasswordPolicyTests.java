package dev.kept.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    @ParameterizedTest
    @ValueSource(strings = {"password", "Password123", "12345678", "qwertyuiop", "iloveyou", "aaaaaaaaaa", "abababab"})
    void refusesCommonPasswords(String password) {
        assertThat(PasswordPolicy.problemWith(password)).contains("too common");
    }

    @Test
    void refusesShortAndOverlongPasswords() {
        assertThat(PasswordPolicy.problemWith("k3pt!ok")).contains("at least 8");
        assertThat(PasswordPolicy.problemWith(null)).contains("at least 8");
        assertThat(PasswordPolicy.problemWith("x".repeat(60) + "y".repeat(69))).contains("at most 128");
    }

    @Test
    void acceptsALongUncommonPassphrase() {
        assertThat(PasswordPolicy.problemWith("analytical engine 1843")).isNull();
        assertThat(PasswordPolicy.problemWith("z".repeat(64) + "q".repeat(63) + "!"))
                .isNull();
    }
}
