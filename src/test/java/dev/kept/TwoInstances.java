package dev.kept;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Two Kept instances, each its own application context with its own web server, scheduler and
 * connection pool, on one database, as two servers behind a load balancer would be: the same
 * named in-memory H2 database, or on the {@code postgres} run the database {@link TestDatabase}
 * gives every test. They share one {@link MutableClock} and send e-mail to one GreenMail.
 *
 * <p>Their scheduled jobs stay quiet (mail sending and reminders start after ten years) so that a
 * test calls the jobs itself, on whichever instance and from as many threads as it likes. Close it
 * when done; on H2 that also drops the database.
 */
public final class TwoInstances implements AutoCloseable {

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final MutableClock clock = new MutableClock();
    private final GreenMail mail;
    private final String h2Url = "jdbc:h2:mem:kept-two-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private final String[] properties;

    private TwoInstances(String... properties) {
        this.properties = properties;
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
        mail.start();
        try {
            // one after the other: the first one migrates the database
            instances.add(startInstance(properties));
            instances.add(startInstance(properties));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts two instances and their mail server; {@code properties} ({@code name=value}) apply to
     * both and win over the defaults here.
     */
    public static TwoInstances start(String... properties) {
        return new TwoInstances(properties);
    }

    private ConfigurableApplicationContext startInstance(String... properties) {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        // command-line arguments win over the tests' application.yml (a fresh database per
        // context); TestDatabase still puts PostgreSQL first on the postgres run
        settings.put("spring.datasource.url", h2Url);
        settings.put("server.port", "0");
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(mail.getSmtp().getPort()));
        settings.put("kept.mail.send-first", "PT87600H");
        settings.put("kept.reminders.overdue-first", "PT87600H");
        for (String property : properties) {
            int equals = property.indexOf('=');
            settings.put(property.substring(0, equals), property.substring(equals + 1));
        }
        List<String> arguments = new ArrayList<>();
        settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(KeptApplication.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean(
                                "mutableClock",
                                MutableClock.class,
                                () -> clock,
                                definition -> definition.setPrimary(true)))
                .run(arguments.toArray(String[]::new));
    }

    /**
     * Stops one instance (as a server is stopped: its running jobs finish what they hold) and starts
     * a new one in its place, on the same database.
     */
    public void restart(int instance) {
        instances.get(instance).close();
        instances.set(instance, startInstance(properties));
    }

    /** Stops one instance for good, as a server is stopped. */
    public void stop(int instance) {
        instances.get(instance).close();
    }

    /** The bean of this type in the first (0) or second (1) instance. */
    public <T> T bean(int instance, Class<T> type) {
        return instances.get(instance).getBean(type);
    }

    /** The bean of this name in the first (0) or second (1) instance. */
    public Object bean(int instance, String name) {
        return instances.get(instance).getBean(name);
    }

    /** The bean of this type in each instance, the first one first. */
    public <T> List<T> beans(Class<T> type) {
        return instances.stream().map(context -> context.getBean(type)).toList();
    }

    /** The clock both instances read. */
    public MutableClock clock() {
        return clock;
    }

    /**
     * The mail server both instances send to. Stopping and starting it again forgets what it had
     * received.
     */
    public GreenMail mail() {
        return mail;
    }

    /** Stops both instances and the mail server. */
    @Override
    public void close() {
        String url =
                instances.isEmpty() ? null : instances.get(0).getEnvironment().getProperty("spring.datasource.url");
        instances.forEach(ConfigurableApplicationContext::close);
        instances.clear();
        mail.stop();
        if (h2Url.equals(url)) {
            dropH2Database();
        }
    }

    private void dropH2Database() {
        try (Connection connection = DriverManager.getConnection(h2Url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the database of the two instances", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
