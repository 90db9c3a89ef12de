package dev.kept.shared;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Plans made once for a statement rather than for each execution, on PostgreSQL, for the reads
 * whose plan does not change with their parameters and costs more to make than to run: a list
 * behind the access policy's predicate (a union of two index walks, each with the policy's
 * sub-selects) took 0.7 to 0.9 ms to plan and about 1 ms to run, with the same plan each time.
 * PostgreSQL keeps planning such a statement per execution by default ({@code plan_cache_mode =
 * auto}) because its generic plan's estimated cost is higher than a custom one's, though both walk
 * the same index and stop after a page. {@link #forThisTransaction} asks for the generic plan for
 * the rest of the current transaction only ({@code set local}); elsewhere, and on H2, nothing
 * changes.
 */
@Component
public class GenericPlans {

    private final JdbcClient jdbc;
    private final boolean postgres;

    GenericPlans(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    /** Within a transaction on PostgreSQL: prepared statements use their generic plan until it ends. */
    public void forThisTransaction() {
        if (postgres && TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException unreachable) {
            throw new IllegalStateException("The database cannot be reached to learn what it is", unreachable);
        }
    }
}
