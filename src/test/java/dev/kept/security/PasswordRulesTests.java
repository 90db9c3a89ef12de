package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Passwords of 8 to 128 characters that are not common ones, on sign-up and on invitation. */
@KeptApiTest
class PasswordRulesTests {

    @Autowired
    ApiFixtures api;

    static Stream<Arguments> refusedPasswords() {
        return Stream.of(
                Arguments.of("seven characters", "Kq3#vB9"),
                Arguments.of("129 characters", "Kq3#vB9z".repeat(16) + "x"),
                Arguments.of("a common password", "password123"),
                Arguments.of("a common password in capitals", "PASSWORD123"),
                Arguments.of("one character repeated", "zzzzzzzzzzzz"));
    }

    @ParameterizedTest(name = "sign-up refuses {0}")
    @MethodSource("refusedPasswords")
    void signUpRefusesPassword(String description, String password) {
        String email = ApiFixtures.uniqueEmail("weak");

        ApiResponse response = api.post(
                null,
                "/api/v1/signup",
                Map.of(
                        "organization",
                        ApiFixtures.unique("Org"),
                        "name",
                        "Weak",
                        "email",
                        email,
                        "password",
                        password));

        response.expectProblem(400);
        assertThat(response.errorFields()).containsExactly("password");
        assertThat(response.body()).doesNotContain(password);
        assertThat(api.peopleWithEmail(email)).isZero();
    }

    @ParameterizedTest(name = "invitation acceptance refuses {0}")
    @MethodSource("refusedPasswords")
    void invitationRefusesPassword(String description, String password) {
        Account admin = api.signUp();
        String email = ApiFixtures.uniqueEmail("invitee");
        String person = api.invite(admin, Map.of("name", "Invitee", "email", email))
                .expect(201)
                .text("id");
        String invitation = api.invitationToken(email);

        ApiResponse response = api.accept(invitation, password);

        response.expectProblem(400);
        assertThat(response.errorFields()).containsExactly("password");
        assertThat(api.get(admin.token(), "/api/v1/people/" + person).text("status"))
                .isEqualTo("INVITED");
        api.accept(invitation, ApiFixtures.PASSWORD).expect(200);
    }

    static Stream<Arguments> acceptedPasswords() {
        return Stream.of(
                Arguments.of("eight characters", "Kq3#vB9z"),
                Arguments.of("128 characters", "Kq3#vB9z".repeat(16)),
                Arguments.of("128 characters beyond ASCII", "Ünïcødé–пароль✓!".repeat(8)));
    }

    @ParameterizedTest(name = "sign-up accepts {0}")
    @MethodSource("acceptedPasswords")
    void signUpAcceptsPassword(String description, String password) {
        String email = ApiFixtures.uniqueEmail("strong");

        api.post(
                        null,
                        "/api/v1/signup",
                        Map.of(
                                "organization",
                                ApiFixtures.unique("Org"),
                                "name",
                                "Strong",
                                "email",
                                email,
                                "password",
                                password))
                .expect(201);

        assertThat(api.token(email, password)).isNotBlank();
    }

    @ParameterizedTest(name = "invitation acceptance accepts {0}")
    @MethodSource("acceptedPasswords")
    void invitationAcceptsPassword(String description, String password) {
        Account admin = api.signUp();
        String email = ApiFixtures.uniqueEmail("invitee");
        api.invite(admin, Map.of("name", "Invitee", "email", email)).expect(201);

        api.accept(api.invitationToken(email), password).expect(200);

        assertThat(api.token(email, password)).isNotBlank();
    }
}
