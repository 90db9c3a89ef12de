package dev.kept.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An error status an API operation answers beyond those the general rules of the API description
 * give every operation of its shape, and when: for example 422 on a read whose query breaks a rule.
 * On a controller, it holds for each of its operations. The answer is a problem document like every
 * other error.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(Answers.All.class)
public @interface Answers {

    /** The HTTP status, such as 422. */
    int status();

    /** When the operation answers it, for the reader of the API description. */
    String description();

    /** The statuses of one operation or controller. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface All {
        Answers[] value();
    }
}
