package dev.debrief.adapter.rest.shared;

/** A write to an existing deal or analysis came without If-Match (HTTP 428). */
public class PreconditionRequired extends RuntimeException {

    public PreconditionRequired() {
        super("This write needs an If-Match header with the ETag you last read, so that it can't silently overwrite someone else's change");
    }
}
