package dev.kept;

import java.util.concurrent.Executor;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that hand events to their listeners ({@code @ApplicationModuleListener} is
 * {@code @Async}): a fixed pool of {@code kept.events.threads} with a queue. A job that publishes a
 * batch of 500 events then goes on with its next batch while the listeners work the events off a
 * few at a time, instead of 500 listener tasks at once taking every pooled connection and the
 * CPU from the job and from the requests of the moment. The queue is not the record of what is
 * due: every publication is stored (the event publication registry) before it is queued, and one
 * left incomplete, by a crash or a shutdown, is published again.
 */
@Configuration(proxyBeanMethods = false)
class EventListenerExecution implements AsyncConfigurer, DisposableBean {

    /**
     * How many threads hand events to their listeners: {@code kept.events.threads}, or when unset half
     * the processors, at least one. Measured on two cores with a backlog of 28,000 overdue
     * commitments (docs/performance.md): with one thread the job marked 2,189 a second, with two
     * 1,759, with four 750, as the listeners took the processors from it.
     */
    @ConfigurationProperties("kept.events")
    record Settings(Integer threads) {

        Settings {
            if (threads != null && threads < 1) {
                throw new IllegalArgumentException("kept.events.threads must be at least 1");
            }
        }

        int poolSize() {
            return threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
    }

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    EventListenerExecution(Settings settings) {
        executor.setCorePoolSize(settings.poolSize());
        executor.setMaxPoolSize(settings.poolSize());
        executor.setThreadNamePrefix("event-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return new SimpleAsyncUncaughtExceptionHandler();
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
