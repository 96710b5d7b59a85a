package dev.debrief.adapter.rest.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The values of every request body, however deep (nested objects, arrays, merge patches, batch items):
 * strings by {@link InputText}'s rule, dates and instants as ISO-8601 strings in {@link Dates}' range.
 * Registered once, by {@link StrictJson}, on the mapper every resource reads with.
 */
final class StrictValues {

    private StrictValues() {
    }

    static SimpleModule module() {
        return new SimpleModule("debrief-strict-values")
                .addDeserializer(String.class, new Text())
                .addDeserializer(LocalDate.class, new Temporal<>(LocalDate.class, Dates::parseDate, Dates::inRange))
                .addDeserializer(Instant.class, new Temporal<>(Instant.class, Dates::parseInstant, Dates::inRange));
    }

    /** Jackson's own string reading (and its coercion rules), then the text rule. */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            int at = value == null ? -1 : InputText.invalidAt(value);
            if (at >= 0) {
                throw new RejectedValue(parser, InputText.CODE, InputText.explain(value, at));
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** A JSON string in ISO-8601 and within range; numbers, arrays and objects are the wrong type. */
    static final class Temporal<T> extends StdScalarDeserializer<T> {

        private final Function<String, T> parse;
        private final Predicate<T> inRange;

        Temporal(Class<T> type, Function<String, T> parse, Predicate<T> inRange) {
            super(type);
            this.parse = parse;
            this.inRange = inRange;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText();
            T value;
            try {
                value = parse.apply(text);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(parser, "not an ISO-8601 " + handledType().getSimpleName(), text, handledType());
            }
            if (!inRange.test(value)) {
                throw new RejectedValue(parser, Dates.OUT_OF_RANGE, Dates.rangeMessage());
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }
}
