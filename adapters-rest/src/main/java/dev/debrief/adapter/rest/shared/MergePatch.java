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
