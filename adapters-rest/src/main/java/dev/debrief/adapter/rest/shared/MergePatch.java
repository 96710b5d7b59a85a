package dev.debrief.adapter.rest.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/** JSON Merge Patch (RFC 7396): objects merge key by key, null removes, anything else replaces. */
public final class MergePatch {

    private MergePatch() {
    }

    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /** The body of a PATCH as a merge patch: a JSON object, or a 400 naming what is wrong. */
    public static JsonNode read(com.fasterxml.jackson.databind.ObjectMapper json, String body) {
        JsonNode patch;
        try {
            patch = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JsonErrors.describe(e);
        }
        if (patch == null || !patch.isObject()) {
            throw new InvalidBody("body.invalid", "A merge patch is a JSON object", "body");
        }
        return patch;
    }

    /**
     * A text of a patch that, when present, holds more than white space. Bean Validation reads it whole
     * ({@code @Pattern(regexp = NOT_BLANK)}); the contract says the same the JSON Schema way
     * ({@code @Schema(pattern = CONTAINS_NON_BLANK)}, a search, as {@code @NotBlank} is written). Unlike
     * {@code @NotBlank} it lets the property be left out, so the patch schema requires nothing.
     */
    public static final String NOT_BLANK = "[\\s\\S]*\\S[\\s\\S]*";
    public static final String CONTAINS_NON_BLANK = "\\S";

    /**
     * Refuses {@code null} for every property of the patch that its schema doesn't declare nullable
     * ({@code @Schema(nullable = true)}): in a merge patch {@code null} clears, and only what the contract
     * says may be cleared can be. 400 {@code body.not-clearable} naming the property.
     */
    public static void refuseNulls(JsonNode patch, Class<? extends Record> type) {
        for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            JsonNode value = patch.get(name);
            if (value != null && value.isNull() && !nullable(type, name)) {
                throw new InvalidBody("body.not-clearable",
                        name + " can't be cleared: leave it out to keep it as it is, or send a value", name);
            }
        }
    }

    private static boolean nullable(Class<?> type, String field) {
        try {
            org.eclipse.microprofile.openapi.annotations.media.Schema schema = type.getDeclaredField(field)
                    .getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            return schema != null && schema.nullable();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a patch that applies to no current document (each property is a change of its own) as the
     * patch type, strictly and with Bean Validation, after {@link #refuseNulls}. A property left out and
     * a cleared one are both null in the result: ask the patch itself ({@code patch.has(name)}) to tell
     * them apart.
     */
    public static <T extends Record> T typed(com.fasterxml.jackson.databind.ObjectMapper json,
                                            jakarta.validation.Validator validator, JsonNode patch, Class<T> type) {
        refuseNulls(patch, type);
        return patched(json, validator, null, patch, type);
    }

    /**
     * Applies the patch to the current resource in its request shape and reads the result as a request
     * again, strictly and with Bean Validation: a patch can't do what a request can't.
     */
    public static <T> T patched(com.fasterxml.jackson.databind.ObjectMapper json, jakarta.validation.Validator validator,
                                T current, JsonNode patch, Class<T> type) {
        JsonNode merged = apply(json.valueToTree(current), patch);
        T request;
        try {
            request = json.treeToValue(merged, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JsonErrors.describe(e);
        } catch (IllegalArgumentException e) {
            throw new InvalidBody("body.invalid", "The patch does not give a valid resource", "body");
        }
        java.util.Set<jakarta.validation.ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
        return request;
    }
}
