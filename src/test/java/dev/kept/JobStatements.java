package dev.kept;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;

/**
 * Counts the SQL statements a background job runs when a test calls it on its own thread (the
 * {@link StatementCounter} counts requests only). A batch counts as one round trip. The statements
 * of the event outbox ({@code event_publication}: one insert per event and listener, written by
 * Spring Modulith) are counted apart, since they follow the number of events by design.
 */
public final class JobStatements implements QueryExecutionListener {

    /** What a job ran: its own statements, and those of the event outbox. */
    public record Tally(long statements, long outbox) {}

    private static final Map<DataSource, JobStatements> ATTACHED = new ConcurrentHashMap<>();

    private final ThreadLocal<long[]> recording = new ThreadLocal<>();

    private JobStatements() {}

    /** The counter of this (counted) data source of a full test. */
    public static JobStatements on(DataSource dataSource) {
        if (!(dataSource instanceof ProxyDataSource proxy)) {
            throw new IllegalStateException("Not the counted data source of a full test: " + dataSource);
        }
        return ATTACHED.computeIfAbsent(dataSource, ds -> {
            JobStatements counter = new JobStatements();
            proxy.getProxyConfig().getQueryListener().addListener(counter);
            return counter;
        });
    }

    /** Runs the job on this thread and answers the statements it ran there. */
    public Tally count(Runnable job) {
        long[] counts = new long[2];
        recording.set(counts);
        try {
            job.run();
        } finally {
            recording.remove();
        }
        return new Tally(counts[0], counts[1]);
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        long[] counts = recording.get();
        if (counts == null) {
            return;
        }
        boolean outbox = queries.stream()
                .anyMatch(q -> q.getQuery().toLowerCase(Locale.ROOT).contains("event_publication"));
        counts[outbox ? 1 : 0]++;
    }
}
