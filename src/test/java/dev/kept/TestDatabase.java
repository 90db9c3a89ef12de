package dev.kept;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the whole suite on PostgreSQL when {@code kept.test.database=postgres} (Maven profile
 * {@code postgres}): the server at 127.0.0.1:5432 when one answers (as in CI), otherwise an
 * embedded PostgreSQL started once for the run. The database name comes from
 * {@code KEPT_TEST_PG_DATABASE} (default {@code test}).
 */
public class TestDatabase implements EnvironmentPostProcessor, Ordered {

    private static EmbeddedPostgres embedded;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String wanted =
                System.getProperty("kept.test.database", System.getenv().getOrDefault("KEPT_TEST_DATABASE", "h2"));
        if (!"postgres".equalsIgnoreCase(wanted)) {
            return;
        }
        String database = System.getenv().getOrDefault("KEPT_TEST_PG_DATABASE", "test");
        String url;
        if (serverAnswers("127.0.0.1", 5432)) {
            url = "jdbc:postgresql://127.0.0.1:5432/" + database;
        } else if ("1".equals(System.getenv("KEPT_TEST_PG_REQUIRE_SERVER"))) {
            throw new IllegalStateException(
                    "KEPT_TEST_PG_REQUIRE_SERVER is set but no PostgreSQL answers on 127.0.0.1:5432");
        } else {
            url = embedded().getJdbcUrl("postgres", "postgres");
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "kept-test-postgres",
                        Map.of(
                                "spring.datasource.url", url,
                                "spring.datasource.username", "postgres",
                                "spring.datasource.password", "")));
    }

    private static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
            }
        }
        return embedded;
    }

    private static boolean serverAnswers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
