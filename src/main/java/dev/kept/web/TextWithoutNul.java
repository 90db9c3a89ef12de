package dev.kept.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses text holding the NUL character in the API's JSON bodies: nobody types it, and PostgreSQL
 * cannot store it, so it would otherwise fail the write with a 500 instead of a 400 for the field.
 */
@Component
class TextWithoutNul extends SimpleModule {

    TextWithoutNul() {
        super("kept-text-without-nul");
        addDeserializer(String.class, new Text());
    }

    private static final class Text extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                return (String)
                        context.handleWeirdStringValue(String.class, text, "must not contain the NUL character");
            }
            return text;
        }
    }
}
