package dev.kept.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A memo lives as long as its transaction: one read per key inside, every read outside. */
class TransactionMemoTests {

    private static final TransactionMemo.Memo PEOPLE = new TransactionMemo.Memo("people");
    private static final TransactionMemo.Memo TEAMS = new TransactionMemo.Memo("teams");

    private final TransactionTemplate transaction = new TransactionTemplate(manager());
    private final AtomicInteger reads = new AtomicInteger();

    private static DataSourceTransactionManager manager() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:memo;DB_CLOSE_DELAY=-1");
        return new DataSourceTransactionManager(dataSource);
    }

    private String read(TransactionMemo.Memo memo, Object key) {
        return TransactionMemo.get(memo, key, () -> key + " #" + reads.incrementAndGet());
    }

    @Test
    void readsOncePerKeyWithinATransactionAndAgainInTheNext() {
        transaction.executeWithoutResult(status -> {
            assertThat(read(PEOPLE, "ada")).isEqualTo("ada #1");
            assertThat(read(PEOPLE, "ada")).isEqualTo("ada #1");
            assertThat(read(PEOPLE, "bo")).isEqualTo("bo #2");
            assertThat(read(TEAMS, "ada"))
                    .as("another kind of read, the same key")
                    .isEqualTo("ada #3");
        });
        transaction.executeWithoutResult(
                status -> assertThat(read(PEOPLE, "ada")).isEqualTo("ada #4"));
    }

    @Test
    void readsEveryTimeOutsideATransaction() {
        assertThat(read(PEOPLE, "ada")).isEqualTo("ada #1");
        assertThat(read(PEOPLE, "ada")).isEqualTo("ada #2");
    }

    @Test
    void forgettingAKindReadsItAgainAndKeepsTheOthers() {
        transaction.executeWithoutResult(status -> {
            read(PEOPLE, "ada");
            read(TEAMS, "sales");
            TransactionMemo.forget(PEOPLE);
            assertThat(read(PEOPLE, "ada")).isEqualTo("ada #3");
            assertThat(read(TEAMS, "sales")).isEqualTo("sales #2");
        });
    }

    @Test
    void anInnerNewTransactionHasItsOwnMemoAndTheOuterOneComesBack() {
        TransactionTemplate inner = new TransactionTemplate(transaction.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transaction.executeWithoutResult(status -> {
            assertThat(read(PEOPLE, "ada")).isEqualTo("ada #1");
            inner.executeWithoutResult(s -> assertThat(read(PEOPLE, "ada")).isEqualTo("ada #2"));
            assertThat(read(PEOPLE, "ada")).isEqualTo("ada #1");
        });
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    read(PEOPLE, "ada");
                    throw new IllegalStateException("rolled back");
                }))
                .isInstanceOf(IllegalStateException.class);
        transaction.executeWithoutResult(
                status -> assertThat(read(PEOPLE, "ada")).isEqualTo("ada #2"));
    }

    @Test
    void readsWhileATransactionCompletesLeaveNothingForTheNext() {
        // what the synchronization read, asserted after: Spring logs what afterCompletion throws
        java.util.List<String> seen = new java.util.ArrayList<>();
        transaction.executeWithoutResult(status ->
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        seen.add(read(PEOPLE, "ada"));
                    }

                    @Override
                    public void afterCompletion(int outcome) {
                        seen.add(read(PEOPLE, "ada"));
                    }
                }));
        transaction.executeWithoutResult(status -> seen.add(read(PEOPLE, "ada")));

        assertThat(seen)
                .as("a new read once the transaction is done, and in the next")
                .containsExactly("ada #1", "ada #2", "ada #3");
        assertThat(TransactionSynchronizationManager.getResourceMap())
                .as("nothing left bound")
                .isEmpty();
    }

    @Test
    void refusesToRememberNothing() {
        transaction.executeWithoutResult(
                status -> assertThatThrownBy(() -> TransactionMemo.get(PEOPLE, "x", () -> null))
                        .isInstanceOf(NullPointerException.class));
    }
}
