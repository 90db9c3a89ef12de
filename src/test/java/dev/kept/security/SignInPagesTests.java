package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.people.Accounts;
import dev.kept.people.People;
import dev.kept.people.SignUp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class SignInPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    People people;

    @Autowired
    Accounts accounts;

    @Test
    void signsUpWithTheFormAndLandsSignedInOnTheDashboard() {
        String email = "ada-" + UUID.randomUUID() + "@example.org";

        MvcTestResult result = mvc.post()
                .uri("/signup")
                .with(csrf())
                .param("organization", "Acme")
                .param("name", "Ada")
                .param("email", email)
                .param("password", "analytical engine 1843")
                .param("timeZone", "Europe/Paris")
                .exchange();

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
        assertThat(accounts.authenticate(email, "analytical engine 1843")).isPresent();
    }

    @Test
    void showsEverySignUpProblemAtItsFieldAndCreatesNothing() {
        String email = "ada-" + UUID.randomUUID() + "@example.org";

        MvcTestResult result = mvc.post()
                .uri("/signup")
                .with(csrf())
                .param("organization", "x".repeat(121))
                .param("name", " ")
                .param("email", email)
                .param("password", "password1")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyText()
                .contains("size must be between 0 and 120")
                .contains("must not be blank")
                .contains("too common");
        assertThat(accounts.authenticate(email, "password1")).isEmpty();
    }

    @Test
    void answersAWrongPasswordAndAnUnknownAddressTheSameWay() {
        String email = "ada-" + UUID.randomUUID() + "@example.org";
        accounts.signUp(new SignUp("Acme", "Ada", email, "analytical engine 1843", null));

        MvcTestResult wrongPassword = mvc.post()
                .uri("/login")
                .with(csrf())
                .param("email", email)
                .param("password", "nope nope nope")
                .exchange();
        MvcTestResult unknown = mvc.post()
                .uri("/login")
                .with(csrf())
                .param("email", "nobody-" + email)
                .param("password", "nope nope nope")
                .exchange();

        assertThat(wrongPassword).hasStatus3xxRedirection().hasRedirectedUrl("/login?error");
        assertThat(unknown).hasStatus3xxRedirection().hasRedirectedUrl("/login?error");
    }

    @Test
    void slowsDownRepeatedFailedSignInsEvenWithTheRightPassword() {
        String email = "ada-" + UUID.randomUUID() + "@example.org";
        accounts.signUp(new SignUp("Acme", "Ada", email, "analytical engine 1843", null));
        for (int i = 0; i < 5; i++) {
            mvc.post()
                    .uri("/login")
                    .with(csrf())
                    .param("email", email)
                    .param("password", "guess " + i + " wrong")
                    .exchange();
        }

        MvcTestResult blocked = mvc.post()
                .uri("/login")
                .with(csrf())
                .param("email", email)
                .param("password", "analytical engine 1843")
                .exchange();

        assertThat(blocked).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "1");
        assertThat(blocked)
                .bodyText()
                .contains("Too many failed attempts for this account. Wait 1 second, then try again.")
                .contains("value=\"" + email + "\"")
                .contains("name=\"_csrf\"");
    }

    @Test
    void refusesAFormWithoutItsCsrfToken() {
        assertThat(mvc.post()
                        .uri("/signup")
                        .param("organization", "Acme")
                        .param("name", "Ada")
                        .param("email", "ada-" + UUID.randomUUID() + "@example.org")
                        .param("password", "analytical engine 1843"))
                .hasStatus(403);
    }

    @Test
    void showsAFriendlyPageForAnUnknownInvitationLink() {
        MvcTestResult result = mvc.get().uri("/invitations/not-a-real-token").exchange();

        assertThat(result).hasStatus(404);
        assertThat(result).bodyText().contains("Invitation not found");
    }
}
