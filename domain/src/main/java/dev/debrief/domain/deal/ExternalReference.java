package dev.debrief.domain.deal;

import dev.debrief.domain.shared.RuleViolation;

/** A deal's identity in a partner system: the source (e.g. {@code salesforce}) and that system's id. Unique per workspace. */
public record ExternalReference(String source, String externalId) {

    public ExternalReference {
        requireSource(source, "externalReference.source");
        if (externalId == null || externalId.isBlank() || externalId.length() > 200) {
            throw new RuleViolation("deal.external-id-invalid",
                    "externalReference.externalId must be 1-200 characters", "externalReference.externalId");
        }
    }

    /** A partner system's name: 1-50 lower-case letters, digits, '.', '_' or '-' ({@code deal.external-source-invalid}). */
    public static String requireSource(String source, String field) {
        if (source == null || !source.matches("[a-z0-9][a-z0-9._-]{0,49}")) {
            throw new RuleViolation("deal.external-source-invalid",
                    field + " must be 1-50 lower-case letters, digits, '.', '_' or '-'", field);
        }
        return source;
    }
}
