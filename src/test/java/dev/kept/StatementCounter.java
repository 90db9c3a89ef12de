package dev.kept;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL statements one request runs. A request that carries {@link #HEADER} with a key
 * of the test's choosing has every statement run on its thread counted under that key; other
 * requests and background jobs are not counted. Tests use it to show that a request runs as many
 * statements for a small fixture as for one ten times larger.
 */
public final class StatementCounter extends OncePerRequestFilter implements QueryExecutionListener {

    public static final String HEADER = "X-Test-Count-Statements";

    private static final ThreadLocal<String> RECORDING = new ThreadLocal<>();

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /** How many statements the requests sent with this key ran. */
    public long statements(String key) {
        AtomicLong count = counts.get(key);
        return count == null ? 0 : count.get();
    }

    /**
     * How many statements {@code request} ran: it is handed a new key, to send with its requests
     * under {@link #HEADER} (e.g. {@code key -> api.getCounted(token, path, key)}).
     */
    public long statementsOf(java.util.function.Consumer<String> request) {
        String key = java.util.UUID.randomUUID().toString();
        request.accept(key);
        return statements(key);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        counts.computeIfAbsent(key, k -> new AtomicLong());
        RECORDING.set(key);
        try {
            chain.doFilter(request, response);
        } finally {
            RECORDING.remove();
        }
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        String key = RECORDING.get();
        if (key != null) {
            // a batch counts as one round trip
            counts.get(key).incrementAndGet();
        }
    }

    /** Wraps the application's data source so that this counter sees its statements. */
    BeanPostProcessor wrapper() {
        StatementCounter listener = this;
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && "dataSource".equals(name)) {
                    return ProxyDataSourceBuilder.create(dataSource)
                            .name("counted")
                            .listener(listener)
                            .build();
                }
                return bean;
            }
        };
    }
}
