package dev.debrief.adapter.rest.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A body value of the right JSON type that Debrief still refuses (a text with NUL, a date out of range),
 * with its stable code; {@link JsonErrors} turns it into a 400 naming the field's JSON path.
 */
public class RejectedValue extends JsonMappingException {

    private final String code;

    public RejectedValue(JsonParser parser, String code, String message) {
        super(parser, message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
