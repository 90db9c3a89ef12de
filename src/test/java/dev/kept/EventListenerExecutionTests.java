package dev.kept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Events reach their listeners on a fixed pool of threads, not one new thread per event. */
@KeptApiTest
class EventListenerExecutionTests {

    @Autowired
    AsyncConfigurer async;

    @Test
    void handsEventsToListenersOnAFixedPoolOfHalfTheProcessors() throws InterruptedException {
        ThreadPoolTaskExecutor executor = (ThreadPoolTaskExecutor) async.getAsyncExecutor();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(40);
        for (int i = 0; i < 40; i++) {
            executor.execute(() -> {
                threads.add(Thread.currentThread().getName());
                done.countDown();
            });
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        int half = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        assertThat(executor.getMaxPoolSize()).isEqualTo(half);
        assertThat(threads).isNotEmpty().hasSizeLessThanOrEqualTo(half).allMatch(name -> name.startsWith("event-"));
    }

    @Test
    void takesTheThreadsAsSet() {
        assertThat(new EventListenerExecution.Settings(3).poolSize()).isEqualTo(3);
        assertThat(new EventListenerExecution.Settings(null).poolSize()).isPositive();
    }

    @Test
    void refusesFewerThanOneThread() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EventListenerExecution.Settings(0))
                .withMessageContaining("kept.events.threads");
    }
}
