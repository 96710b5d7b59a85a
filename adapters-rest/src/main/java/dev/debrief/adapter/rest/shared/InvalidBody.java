package dev.debrief.adapter.rest.shared;

/** A request body that can't be read as the resource's request document (HTTP 400). */
public class InvalidBody extends RuntimeException {

    private final String code;
    private final String field;

    public InvalidBody(String code, String message, String field) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
