package dev.kept.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.KeptApiTest;
import dev.kept.web.RawHttp.Answer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are capped (1 MB by default) before anything reads them, even before
 * authentication: 413 with a problem document on the API, the error page elsewhere, never the JVM
 * holding a body it was sent.
 */
@KeptApiTest
class RequestLimitsTests {

    private static final int MB = 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApiFixtures api;

    @Autowired
    Environment environment;

    private RawHttp http;

    @BeforeEach
    void connect() {
        http = new RawHttp(environment);
    }

    @Test
    void refusesALargeAnnouncedBodyBeforeReadingIt() {
        // 60 MB announced and never sent: an answer at all shows nothing waited for the body
        Answer answer = http.send("""
                POST /api/v1/signup HTTP/1.1\r
                Host: localhost\r
                Content-Type: application/json\r
                Content-Length: 62914560\r
                """);

        assertThat(answer.status()).as("%s", answer).isEqualTo(413);
        assertThat(answer.isProblem()).as("%s", answer).isTrue();
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asString()).contains("1 MB");
        assertThat(answer.header("Connection")).isEqualTo("close");
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheCap() {
        String email = ApiFixtures.uniqueEmail("chunked");
        byte[] body = signUp(email, 2 * MB);

        Answer answer = http.sendChunked("""
                POST /api/v1/signup HTTP/1.1\r
                Host: localhost\r
                Content-Type: application/json\r
                """, body);

        assertThat(answer.status()).as("%s", answer).isEqualTo(413);
        assertThat(answer.isProblem()).as("%s", answer).isTrue();
        assertThat(api.peopleWithEmail(email)).isZero();
    }

    @Test
    void readsBodiesUnderTheCapWhetherAnnouncedOrChunked() {
        // an organization name of almost 1 MB: read and refused by validation, naming the field
        byte[] body = signUp(ApiFixtures.uniqueEmail("under"), MB - 1024);
        String head = """
                POST /api/v1/signup HTTP/1.1\r
                Host: localhost\r
                Content-Type: application/json\r
                """;

        Answer announced = http.send(head + "Content-Length: " + body.length + "\r\n", body);
        Answer chunked = http.sendChunked(head, body);

        for (Answer answer : new Answer[] {announced, chunked}) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).get("errors").toString()).contains("organization");
        }
    }

    @Test
    void answersAnOversizedFormWithTheErrorPage() {
        String form = "name=Probe&organization=" + "o".repeat(2 * MB);
        String head = """
                POST /signup HTTP/1.1\r
                Host: localhost\r
                Accept: text/html\r
                Content-Type: application/x-www-form-urlencoded\r
                """;

        Answer announced =
                http.send(head + "Content-Length: " + form.length() + "\r\n", form.getBytes(StandardCharsets.UTF_8));
        Answer chunked = http.sendChunked(head, form.getBytes(StandardCharsets.UTF_8));

        for (Answer answer : new Answer[] {announced, chunked}) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(413);
            assertThat(answer.header("Content-Type")).startsWith("text/html");
            assertThat(answer.body())
                    .contains("That was too much to send")
                    .doesNotContain("Exception")
                    .doesNotContain("Tomcat");
        }
    }

    @Test
    void capsWhatAFilterOrControllerReadsOfAChunkedBody() throws Exception {
        RequestBodyLimit limit = new RequestBodyLimit(new HttpProperties(DataSize.ofBytes(16)));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/signup");
        request.setContent("{\"name\": \"seventeen bytes and more\"}".getBytes(StandardCharsets.UTF_8));
        // as for a chunked body: no length announced
        request.removeHeader("Content-Length");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain reader = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(
                    jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                    throws IOException {
                req.getInputStream().readAllBytes();
                res.setStatus(HttpServletResponse.SC_OK);
            }
        });

        limit.doFilter(new ChunkedRequest(request), response, reader);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("16 bytes");
    }

    private static byte[] signUp(String email, int organizationLength) {
        return ("{\"email\":\"" + email + "\",\"name\":\"Probe\",\"password\":\"" + ApiFixtures.PASSWORD
                        + "\",\"organization\":\"" + "o".repeat(organizationLength) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A request whose body comes without a length, as a chunked one does. */
    private static final class ChunkedRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

        ChunkedRequest(MockHttpServletRequest request) {
            super(request);
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public int getContentLength() {
            return -1;
        }
    }
}
