package dev.kept;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks that an entity read by a hand-written row mapper equals the same row read by Spring Data's
 * generic mapping, field by field; and that the row had every field set (but the named ones), so
 * that a column the hand mapping forgot or swapped cannot hide behind two equal nulls.
 */
public final class SameMapping {

    private SameMapping() {}

    public static void assertSameEntity(Object generic, Object byHand, String... mayBeNull) {
        assertThat(byHand).isNotNull();
        assertThat(byHand).usingRecursiveComparison().isEqualTo(generic);
        List<String> unset = new ArrayList<>();
        for (Class<?> type = generic.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Set.of(mayBeNull).contains(field.getName())) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    if (field.get(generic) == null) {
                        unset.add(field.getName());
                    }
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(unset).as("fields the sample row leaves unset").isEmpty();
    }
}
