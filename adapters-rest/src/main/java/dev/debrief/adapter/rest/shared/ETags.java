package dev.debrief.adapter.rest.shared;

import dev.debrief.domain.shared.VersionMismatch;
import jakarta.ws.rs.core.EntityTag;

/**
 * ETags are the aggregate's version in quotes ({@code "3"}). A write to an existing deal or
 * analysis must send it back in If-Match: missing is 428, anything but the current one is 412.
 * {@code If-Match: *} matches whatever version is current (RFC 9110 13.1.1: the resource exists,
 * which the write's lookup checks with its 404).
 */
public final class ETags {

    /** The contract's bounds of an ETag we send: a version (a long, at most 19 digits) in quotes. */
    public static final int MAX_LENGTH = 21;
    public static final String PATTERN = "^\"[0-9]{1,19}\"$";
    /** The longest If-Match that can name a version: a weak ETag ({@code W/"…"}). */
    public static final int IF_MATCH_MAX_LENGTH = 23;

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version the client claims to have seen; {@link VersionMismatch#ANY} for {@code *}; -1 when
     * If-Match names no version of ours (never current).
     */
    public static long requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired();
        }
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return VersionMismatch.ANY;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
