package dev.kept;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every full test gets on top of the application: a clock it can move, the API fixtures, and a
 * counter of the SQL statements a request runs. */
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

    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }

    @Bean
    static BeanPostProcessor countedDataSource(StatementCounter counter) {
        return counter.wrapper();
    }

    @Bean
    FilterRegistrationBean<StatementCounter> statementCounting(StatementCounter counter) {
        FilterRegistrationBean<StatementCounter> registration = new FilterRegistrationBean<>(counter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
