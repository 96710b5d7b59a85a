package dev.debrief.adapter.rest.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.debrief.domain.shared.DomainException;

/** Explains a body Jackson could not read, naming the field at fault, without echoing internals. */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static InvalidBody describe(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return new InvalidBody("body.malformed", "The body is not well-formed JSON", "body");
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return new InvalidBody("body.malformed", "The body could not be read", "body");
        }
        String field = path(mapping);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new InvalidBody("body.unknown-field", "'" + unknown.getPropertyName()
                    + "' is not a field you can send here (unknown, or owned by the server)", field);
        }
        if (e instanceof RejectedValue rejected) {
            return new InvalidBody(rejected.code(), field + " " + rejected.getOriginalMessage(), field);
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof DomainException domain) {
            return new InvalidBody(domain.code(), domain.getMessage(), field);
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String expected = mapping instanceof MismatchedInputException m && m.getTargetType() != null
                    ? describe(m.getTargetType()) : "another type";
            return new InvalidBody("body.invalid-type", field + " has the wrong type: expected " + expected, field);
        }
        return new InvalidBody("body.invalid", "The body could not be read at " + field, field);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder("one of");
            for (Object constant : type.getEnumConstants()) {
                values.append(' ').append(constant);
            }
            return values.toString();
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date as a string (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class) {
            return "an instant as an ISO-8601 string with its offset (2026-11-20T16:02:11Z)";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** The JSON path of the failing value: {@code lossAnalysis.contributingReasons[0].reasonId}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
