package dev.kept.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses JSON text that the database cannot store: PostgreSQL rejects the NUL character in text,
 * so a request carrying one would otherwise fail with a server error instead of a 400.
 */
@Component
class StorableText extends SimpleModule {

    StorableText() {
        super("kept-storable-text");
        addDeserializer(String.class, new NoNulStrings());
    }

    static boolean isStorable(String text) {
        return text == null || text.indexOf('\0') < 0;
    }

    private static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (!isStorable(text)) {
                throw InvalidFormatException.from(
                        parser, "Text must not contain the NUL character", text, String.class);
            }
            return text;
        }
    }
}
