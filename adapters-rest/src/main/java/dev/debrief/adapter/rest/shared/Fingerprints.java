package dev.debrief.adapter.rest.shared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What identifies a request under an Idempotency-Key: the lowercase hex SHA-256 of its method, its
 * path and its JSON body in canonical form. Two bodies that mean the same get the same fingerprint:
 * object members sorted by name at every depth, no whitespace, numbers by value ({@code 1}, {@code 1.0}
 * and {@code 1.00} are one number), strings as they are, arrays in their order.
 *
 * <p>Numbers are compared as the {@link JsonNode} holds them: a tree read with Jackson's defaults
 * holds fractions as doubles, so two fractions that differ only beyond a double's precision count as
 * the same (read with {@code USE_BIG_DECIMAL_FOR_FLOATS} to tell them apart).
 */
public final class Fingerprints {

    private static final JsonFactory JSON = new JsonFactory();

    private Fingerprints() {
    }

    /**
     * @param method the HTTP method ({@code POST}; case does not matter)
     * @param path   the request path as the resource sees it, e.g. {@code /api/v1/workspaces/{id}/deal-outcomes/batch}
     * @param body   the request body; null or a missing node counts as JSON {@code null}
     */
    public static String of(String method, String path, JsonNode body) {
        MessageDigest sha256 = sha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            out.write((method.toUpperCase(Locale.ROOT) + "\n" + path + "\n").getBytes(StandardCharsets.UTF_8));
            try (JsonGenerator json = JSON.createGenerator(out)) {
                write(body, json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The canonical JSON text of {@code body}, the part of the fingerprint that comes from the body. */
    public static String canonical(JsonNode body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            write(body, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonNode node, JsonGenerator json) throws IOException {
        if (node == null || node.isMissingNode() || node.isNull()) {
            json.writeNull();
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            json.writeStartObject();
            for (String name : names) {
                json.writeFieldName(name);
                write(node.get(name), json);
            }
            json.writeEndObject();
        } else if (node.isArray()) {
            json.writeStartArray();
            for (JsonNode element : node) {
                write(element, json);
            }
            json.writeEndArray();
        } else if (node.isNumber()) {
            json.writeNumber(number(node));
        } else if (node.isBoolean()) {
            json.writeBoolean(node.booleanValue());
        } else if (node.isTextual()) {
            json.writeString(node.textValue());
        } else {
            json.writeString(node.asText());
        }
    }

    /**
     * A number's value in one spelling: the shortest decimal without trailing zeros, in Java's
     * scientific notation when it has one ({@code 1E+3}), never expanded (a body can't make it huge).
     */
    private static String number(JsonNode node) {
        if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            return node.asText();
        }
        BigDecimal value = node.decimalValue();
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
