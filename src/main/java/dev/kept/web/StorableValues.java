package dev.kept.web;

import dev.kept.shared.StorableTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates and instants a request may carry: the years 1 to 9999 ({@link StorableTime}). Java parses
 * far more ({@code -9223372036854775808} as an instant, the year 999999999), and such a value would
 * end as a server error in the database. Out of range, a query, path or form value fails conversion
 * like a malformed one, so the API answers 400 naming the parameter and a form shows the field's
 * message; in a JSON body the deserializer refuses it, and the API answers 400 naming the field.
 *
 * <p>Numbers need no such step: a whole number past its type fails to parse, and every decimal Kept
 * reads carries {@code @DecimalMin} and {@code @DecimalMax}, which refuse {@code NaN} and the
 * infinities (a converter could not: Spring falls back to its own number editor when one fails).
 */
@Configuration
class StorableValues implements WebMvcConfigurer {

    private static final Set<Class<?>> TIMES =
            Set.of(Instant.class, LocalDate.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class);

    @Override
    public void addFormatters(FormatterRegistry registry) {
        // added last, so it comes first for these types; it parses as Spring would, then checks the range
        registry.addConverter(new InRange());
    }

    @Bean
    SimpleModule storableTimesInJson() {
        SimpleModule module = new SimpleModule("kept-storable-times");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return TIMES.contains(description.getBeanClass()) ? new InRangeTime(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** Why a date or instant is out of range, or null when it is in range. */
    static String outOfRange(Object value) {
        boolean inRange = true;
        if (value instanceof Instant instant) {
            inRange = StorableTime.contains(instant);
        } else if (value instanceof LocalDate date) {
            inRange = StorableTime.contains(date);
        } else if (value instanceof LocalDateTime dateTime) {
            inRange = StorableTime.contains(dateTime.toLocalDate());
        } else if (value instanceof OffsetDateTime dateTime) {
            inRange = StorableTime.contains(dateTime.toInstant());
        } else if (value instanceof ZonedDateTime dateTime) {
            inRange = StorableTime.contains(dateTime.toInstant());
        }
        return inRange
                ? null
                : "must be between the years " + StorableTime.FIRST_DAY.getYear() + " and "
                        + StorableTime.LAST_DAY.getYear();
    }

    /** A value that parses but lies outside what Kept accepts. */
    static final class OutOfRangeException extends IllegalArgumentException {

        OutOfRangeException(String message) {
            super(message);
        }
    }

    private static final class InRange implements GenericConverter {

        /** The conversions Spring makes without this one, with @DateTimeFormat and all. */
        private final ConversionService plain = new DefaultFormattingConversionService();

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(
                    new ConvertiblePair(String.class, Instant.class),
                    new ConvertiblePair(String.class, LocalDate.class),
                    new ConvertiblePair(String.class, LocalDateTime.class),
                    new ConvertiblePair(String.class, OffsetDateTime.class),
                    new ConvertiblePair(String.class, ZonedDateTime.class));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            Object value = plain.convert(source, sourceType, targetType);
            String problem = value == null ? null : outOfRange(value);
            if (problem != null) {
                throw new OutOfRangeException(problem);
            }
            return value;
        }
    }

    private static final class InRangeTime extends DelegatingDeserializer {

        InRangeTime(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new InRangeTime(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            String problem = value == null ? null : outOfRange(value);
            if (problem != null) {
                throw InvalidFormatException.from(parser, problem, value, value.getClass());
            }
            return value;
        }
    }
}
