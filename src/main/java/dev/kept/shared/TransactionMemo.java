package dev.kept.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one transaction has already read, read again from memory: the caller's person, the
 * organization's teams, the caller's partnerships are asked for by several rules of one request
 * (membership, visibility, the day in the caller's time zone), and each would otherwise be one more
 * statement and one more mapped row. A memo lives as long as the transaction that holds it and is
 * dropped when it ends, so that nothing outlives a request or a job's batch; outside a transaction
 * every read goes to the database. The module that writes what it remembers calls
 * {@link #forget(Memo)} after each write, within the same transaction.
 */
public final class TransactionMemo {

    /** A kind of read remembered, named by the module that owns it. */
    public record Memo(String name) {}

    private static final Object RESOURCE = new Object() {
        @Override
        public String toString() {
            return "dev.kept.shared.TransactionMemo";
        }
    };

    private TransactionMemo() {}

    /** The value read for this key in this transaction, or {@code load}'s, then remembered. */
    @SuppressWarnings("unchecked")
    public static <V> V get(Memo memo, Object key, Supplier<V> load) {
        Map<Memo, Map<Object, Object>> memos = memos();
        if (memos == null) {
            return load.get();
        }
        Map<Object, Object> values = memos.computeIfAbsent(memo, m -> new HashMap<>());
        Object found = values.get(key);
        if (found == null) {
            found = Objects.requireNonNull(load.get(), "a remembered read answers a value, never null");
            values.put(key, found);
        }
        return (V) found;
    }

    /** Forgets everything remembered of this kind in this transaction: called after a write. */
    public static void forget(Memo memo) {
        if (TransactionSynchronizationManager.getResource(RESOURCE) instanceof Map<?, ?> memos) {
            memos.remove(memo);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Memo, Map<Object, Object>> memos() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object bound = TransactionSynchronizationManager.getResource(RESOURCE);
        if (bound != null) {
            return (Map<Memo, Map<Object, Object>>) bound;
        }
        Map<Memo, Map<Object, Object>> memos = new HashMap<>();
        TransactionSynchronizationManager.bindResource(RESOURCE, memos);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(RESOURCE);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(RESOURCE, memos);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
            }
        });
        return memos;
    }
}
