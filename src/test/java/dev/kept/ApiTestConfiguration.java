package dev.kept;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every full test gets on top of the application: a clock it can move, and the API fixtures. */
@TestConfiguration(proxyBeanMethods = false)
class ApiTestConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    ApiFixtures apiFixtures(Environment environment, JdbcClient jdbc) {
        return new ApiFixtures(environment, jdbc);
    }
}
