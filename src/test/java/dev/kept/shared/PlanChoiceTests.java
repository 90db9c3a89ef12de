package dev.kept.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.KeptApiTest;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A plan mode is asked for on PostgreSQL within one transaction only, and H2 is left alone. */
@KeptApiTest
class PlanChoiceTests {

    @Autowired
    PlanChoice plans;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void onPostgresqlTheGenericModeHoldsForTheTransactionAndEndsWithIt() throws SQLException {
        assertModeWithin(plans::genericForThisTransaction, "force_generic_plan");
    }

    @Test
    void onPostgresqlTheCustomModeHoldsForTheTransactionAndEndsWithIt() throws SQLException {
        assertModeWithin(plans::customForThisTransaction, "force_custom_plan");
    }

    private void assertModeWithin(Runnable ask, String mode) throws SQLException {
        boolean postgres;
        try (Connection connection = dataSource.getConnection()) {
            postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        String within = transactions.execute(status -> {
            ask.run();
            return postgres
                    ? jdbc.sql("show plan_cache_mode").query(String.class).single()
                    : "not asked";
        });
        if (postgres) {
            assertThat(within).isEqualTo(mode);
            String after = transactions.execute(status ->
                    jdbc.sql("show plan_cache_mode").query(String.class).single());
            assertThat(after).isEqualTo("auto");
        } else {
            assertThat(within).isEqualTo("not asked");
        }
        // Outside a transaction nothing is set, on either database.
        ask.run();
    }
}
