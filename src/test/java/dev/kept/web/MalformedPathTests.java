package dev.kept.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.KeptApiTest;
import dev.kept.web.RawHttp.Answer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat or the firewall refuse before any controller, sent over a raw socket as no HTTP
 * client would send them: 400 with a problem document on the API, and elsewhere a page that shows
 * neither a stack trace nor the server's name.
 */
@KeptApiTest
class MalformedPathTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Environment environment;

    record Malformed(String description, String requestLine, String extraHeader) {

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Malformed> onTheApi() {
        return Stream.of(
                new Malformed("a NUL character", "GET /api/v1/people/%00 HTTP/1.1", null),
                new Malformed("an encoded slash", "GET /api/v1/commitments/a%2fb HTTP/1.1", null),
                new Malformed("an encoded backslash", "GET /api/v1/commitments/a%5cb HTTP/1.1", null),
                new Malformed("a space in the path", "GET /api/v1/a b HTTP/1.1", null),
                new Malformed("an encoded percent", "GET /api/v1/people/%25 HTTP/1.1", null),
                new Malformed("a path parameter", "GET /api/v1/people;jsessionid=1 HTTP/1.1", null),
                new Malformed("an encoded parent step", "GET /api/v1/%2e%2e/people HTTP/1.1", null),
                new Malformed("a double slash", "GET /api/v1//people HTTP/1.1", null),
                new Malformed(
                        "a request line too long to read",
                        "GET /api/v1/people?q=" + "q".repeat(20_000) + " HTTP/1.1",
                        null),
                new Malformed(
                        "headers too long to read", "GET /api/v1/people HTTP/1.1", "X-Padding: " + "p".repeat(20_000)),
                new Malformed(
                        "a control character in a header the firewall checks when it is read",
                        "GET /api/v1/people HTTP/1.1",
                        "Authorization: Bearer kept_\u0099"));
    }

    static Stream<Malformed> onPages() {
        return Stream.of(
                new Malformed("a NUL character", "GET /commitments/%00 HTTP/1.1", null),
                new Malformed("an encoded slash", "GET /commitments/a%2fb HTTP/1.1", null),
                new Malformed("a path parameter", "GET /people;jsessionid=1 HTTP/1.1", null),
                new Malformed("an encoded parent step", "GET /css/%2e%2e/people HTTP/1.1", null),
                new Malformed("headers too long to read", "GET /people HTTP/1.1", "X-Padding: " + "p".repeat(20_000)),
                new Malformed(
                        "a control character in a header the firewall checks when it is read",
                        "GET /login HTTP/1.1",
                        "Accept: text/html\u0099"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onTheApi")
    void answersTheApiWithAProblem(Malformed malformed) {
        Answer answer = send(malformed, "application/json");

        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.isProblem()).as("a problem document in %s", answer).isTrue();
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onPages")
    void answersPagesWithoutDetails(Malformed malformed) {
        Answer answer = send(malformed, "text/html");

        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        // the error page, or nothing when the header refused is one the error page reads too (Accept)
        assertThat(answer.header("Content-Type"))
                .satisfiesAnyOf(
                        type -> assertThat(type).isNull(),
                        type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body())
                .doesNotContain("Exception")
                .doesNotContain("at org.")
                .doesNotContain("Apache Tomcat");
    }

    private Answer send(Malformed malformed, String accept) {
        String head = malformed.requestLine() + "\r\nHost: localhost\r\nAccept: " + accept + "\r\n"
                + (malformed.extraHeader() == null ? "" : malformed.extraHeader() + "\r\n");
        return new RawHttp(environment).send(head);
    }
}
