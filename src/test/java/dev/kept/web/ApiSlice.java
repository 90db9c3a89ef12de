package dev.kept.web;

import dev.kept.insights.InsightViewers;
import dev.kept.notifications.Inbox;
import dev.kept.people.People;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * What a web slice of one API controller ({@code @WebMvcTest}) needs of the {@code web} module
 * beyond what the slice picks up itself: the settings its error answers read, and the people
 * entry, the inbox and who may see the organization's insights, which the page layout asks
 * (mocked: an API answer has no layout).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EnableConfigurationProperties(HttpProperties.class)
@MockitoBean(types = {People.class, Inbox.class, InsightViewers.class})
public @interface ApiSlice {}
