package dev.kept.shared;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which plan PostgreSQL uses for the prepared statements of the current transaction, for reads
 * where its default ({@code plan_cache_mode = auto}) chooses badly. Elsewhere, and on H2, nothing
 * changes; outside a transaction neither method does anything.
 *
 * <ul>
 *   <li>{@link #genericForThisTransaction}: a plan made once for a statement whose plan does not
 *       change with its parameters and costs more to make than to run. A list behind the access
 *       policy's predicate (a union of two index walks, each with the policy's sub-selects) took
 *       0.7 to 0.9 ms to plan and about 1 ms to run, with the same plan each time; PostgreSQL kept
 *       planning it per execution because the generic plan's estimated cost is higher than a
 *       custom one's, though both walk the same index and stop after a page.
 *   <li>{@link #customForThisTransaction}: a plan made for each execution's parameters, where the
 *       generic plan looks cheaper and is not. After five executions PostgreSQL switches to the
 *       generic plan when its estimate is no higher; a statement over a team's hundred members
 *       ({@code giver_id in (...)}) or a team's sub-select is estimated at one row generically, so
 *       it walks the organization's index by date instead (31 ms for thanks over twelve weeks,
 *       against 0.9 ms with its parameters).
 * </ul>
 */
@Component
public class PlanChoice {

    private final JdbcClient jdbc;
    private final boolean postgres;

    PlanChoice(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    /** Within a transaction on PostgreSQL: prepared statements use their generic plan until it ends. */
    public void genericForThisTransaction() {
        choose("force_generic_plan");
    }

    /** Within a transaction on PostgreSQL: prepared statements are planned for their parameters until it ends. */
    public void customForThisTransaction() {
        choose("force_custom_plan");
    }

    private void choose(String mode) {
        if (postgres && TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.sql("set local plan_cache_mode = " + mode).update();
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
