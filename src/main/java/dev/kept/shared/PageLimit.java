package dev.kept.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The {@code limit} of a page a client asks for: 1 to {@link Page#MOST}. */
@Documented
@Constraint(validatedBy = {})
@Min(1)
@Max(Page.MOST)
@ReportAsSingleViolation
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PageLimit {

    String message() default "must be between 1 and " + Page.MOST;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
