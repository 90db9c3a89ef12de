package dev.kept.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an API operation never answers although the general rules of the API
 * description give them to every operation of its shape: for example 409 on a write on an id that
 * nothing else can have changed first. Statuses it answers beyond those rules are declared with
 * {@link Answers}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NeverAnswers {

    /** The HTTP statuses, such as 409. */
    int[] value();
}
