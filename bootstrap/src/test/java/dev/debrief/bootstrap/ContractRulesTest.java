package dev.debrief.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract design of docs/decisions.md ("The contract"), checked on the committed
 * openapi/openapi.yaml: what generated clients and validating proxies rely on. Each rule lists every
 * place that breaks it.
 */
class ContractRulesTest {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    /** Names a schema gets when the Java type leaks through; generators turn them into ModelX. */
    private static final Set<String> JAVA_TYPE_NAMES = Set.of("UUID", "LocalDate", "Instant", "OffsetDateTime", "BigDecimal",
            "Object", "Map", "List", "Kind", "Import", "Type", "Status", "Request", "Response");
    private static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

    private static JsonNode contract;

    @BeforeAll
    static void read() throws IOException {
        contract = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(OpenApiContractTest.COMMITTED));
    }

    @Test
    void everyOperationHasASummaryAndADescription() {
        List<String> defects = new ArrayList<>();
        forEachOperation((name, operation) -> {
            if (operation.path("summary").asText().isBlank()) defects.add(name + ": no summary");
            if (operation.path("description").asText().isBlank()) defects.add(name + ": no description");
        });
        assertThat(defects).isEmpty();
    }

    @Test
    void everyPatchIsAMergePatchWithASchemaOfItsOwnThatRequiresNothing() {
        List<String> defects = new ArrayList<>();
        forEachOperation((name, operation) -> {
            if (!name.startsWith("PATCH")) return;
            JsonNode content = operation.path("requestBody").path("content");
            if (!content.has("application/merge-patch+json") || !content.has("application/json")) {
                defects.add(name + ": reads neither or not both of application/merge-patch+json and application/json");
            }
            for (JsonNode media : content) {
                String ref = media.path("schema").path("$ref").asText();
                String schemaName = ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : "";
                if (!schemaName.endsWith("Patch")) defects.add(name + ": body schema '" + schemaName + "' is not a …Patch");
                if (schema(schemaName).has("required")) defects.add(name + ": " + schemaName + " requires fields");
            }
        });
        assertThat(defects).isEmpty();
    }

    @Test
    void everyStringArrayAndNumberIsBounded() {
        List<String> defects = new ArrayList<>();
        forEachSchema((where, schema) -> {
            Set<String> types = types(schema);
            if (types.contains("string") && !schema.has("maxLength") && !schema.has("enum") && !schema.has("const")) {
                defects.add(where + ": string without maxLength");
            }
            if (types.contains("array") && !schema.has("maxItems")) {
                defects.add(where + ": array without maxItems");
            }
            if (types.contains("integer") && !schema.has("format")) {
                defects.add(where + ": integer without format");
            }
            if ((types.contains("integer") || types.contains("number")) && (!schema.has("minimum") || !schema.has("maximum"))) {
                defects.add(where + ": number without minimum and maximum");
            }
        });
        assertThat(defects).isEmpty();
    }

    @Test
    void aReferenceStandsAloneAndNoSchemaIsNamedAfterAJavaType() {
        List<String> defects = new ArrayList<>();
        forEachSchema((where, schema) -> {
            if (schema.has("$ref") && (schema.has("type") || schema.has("format"))) defects.add(where + ": type or format beside $ref");
        });
        contract.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (JAVA_TYPE_NAMES.contains(name)) defects.add("schema " + name + " is named after a Java type");
        });
        assertThat(defects).isEmpty();
    }

    @Test
    void everyPropertyOfAResponseIsRequiredAndSaysWhenItCanBeNull() {
        Set<String> answered = new HashSet<>();
        Set<String> sent = new HashSet<>();
        forEachOperation((name, operation) -> {
            collectReferences(operation.path("responses"), answered);
            collectReferences(operation.path("requestBody"), sent);
            collectReferences(operation.path("parameters"), sent);
        });
        List<String> defects = new ArrayList<>();
        for (String name : answered) {
            JsonNode schema = schema(name);
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            schema.path("properties").fieldNames().forEachRemaining(property -> {
                if (!required.contains(property) && !(name.equals("Problem") && property.equals("errors"))) {
                    defects.add(name + "." + property + ": not required" + (sent.contains(name) ? " (the schema is sent too: split it)" : ""));
                }
            });
        }
        assertThat(defects).isEmpty();
    }

    @Test
    void everyResponseDocumentsTheHeadersItCarries() {
        List<String> defects = new ArrayList<>();
        forEachOperation((name, operation) -> {
            boolean authenticated = operation.path("security").size() > 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> response = it.next();
                String status = response.getKey();
                JsonNode headers = response.getValue().path("headers");
                if (status.equals("201") && !headers.has("Location")) defects.add(name + " 201: no Location");
                if ((status.equals("429") || status.equals("503")) && !headers.has("Retry-After")) defects.add(name + " " + status + ": no Retry-After");
                if (authenticated && !status.equals("401") && (status.startsWith("2") || status.startsWith("4"))) {
                    RATE_LIMIT_HEADERS.stream().filter(h -> !headers.has(h)).forEach(h -> defects.add(name + " " + status + ": no " + h));
                }
            }
        });
        assertThat(defects).isEmpty();
    }

    @Test
    void noTwoPathsCanMatchTheSameRequest() {
        List<String> paths = new ArrayList<>();
        contract.path("paths").fieldNames().forEachRemaining(paths::add);
        List<String> defects = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (ambiguous(paths.get(i), paths.get(j))) defects.add(paths.get(i) + " and " + paths.get(j));
            }
        }
        contract.path("paths").fieldNames().forEachRemaining(path -> {
            for (String segment : path.split("/")) {
                if (segment.contains("{") && !(segment.startsWith("{") && segment.endsWith("}"))) {
                    defects.add(path + ": a template shares a segment with text (" + segment + ")");
                }
            }
        });
        assertThat(defects).isEmpty();
    }

    /**
     * Two templates are ambiguous when each has a literal segment where the other has a parameter: neither
     * is the more specific one (OpenAPI prefers literal paths, but only when one path is literal throughout).
     */
    static boolean ambiguous(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        if (x.length != y.length) return false;
        boolean aMoreLiteral = false;
        boolean bMoreLiteral = false;
        for (int i = 0; i < x.length; i++) {
            boolean xp = x[i].startsWith("{");
            boolean yp = y[i].startsWith("{");
            if (!xp && !yp && !x[i].equals(y[i])) return false;
            if (!xp && yp) aMoreLiteral = true;
            if (xp && !yp) bMoreLiteral = true;
        }
        return aMoreLiteral && bMoreLiteral;
    }

    @Test
    void theAmbiguityRuleSeesTheCaseItIsFor() {
        assertThat(ambiguous("/deals/by-external-id/{source}/{externalId}", "/deals/{dealId}/debriefs/{debriefId}")).isTrue();
        assertThat(ambiguous("/deals/export", "/deals/{dealId}")).isFalse();
        assertThat(ambiguous("/deals/{dealId}/close", "/deals/{dealId}/reopen")).isFalse();
    }

    // --- walking the document ------------------------------------------------------------------------

    private static void forEachOperation(BiConsumer<String, JsonNode> action) {
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) action.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
        }));
    }

    /** Every schema of the document: components, parameters, headers, bodies, and all they contain. */
    private static void forEachSchema(BiConsumer<String, JsonNode> action) {
        contract.path("components").path("schemas").fields()
                .forEachRemaining(s -> walk("#/components/schemas/" + s.getKey(), s.getValue(), action));
        forEachOperation((name, operation) -> {
            operation.path("parameters").forEach(p -> walk(name + " parameter " + p.path("name").asText(), p.path("schema"), action));
            operation.path("requestBody").path("content").fields()
                    .forEachRemaining(m -> walk(name + " body", m.getValue().path("schema"), action));
            operation.path("responses").fields().forEachRemaining(r -> {
                r.getValue().path("headers").fields()
                        .forEachRemaining(h -> walk(name + " " + r.getKey() + " header " + h.getKey(), h.getValue().path("schema"), action));
                r.getValue().path("content").fields()
                        .forEachRemaining(m -> walk(name + " " + r.getKey() + " " + m.getKey(), m.getValue().path("schema"), action));
            });
        });
    }

    private static void walk(String where, JsonNode schema, BiConsumer<String, JsonNode> action) {
        if (!schema.isObject()) return;
        action.accept(where, schema);
        schema.path("properties").fields().forEachRemaining(p -> walk(where + "." + p.getKey(), p.getValue(), action));
        walk(where + "[]", schema.path("items"), action);
        for (String group : List.of("anyOf", "oneOf", "allOf")) {
            schema.path(group).forEach(s -> walk(where + " " + group, s, action));
        }
        walk(where + "{}", schema.path("additionalProperties"), action);
    }

    private static void collectReferences(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            String ref = node.path("$ref").asText();
            if (ref.startsWith(SCHEMAS) && names.add(ref.substring(SCHEMAS.length()))) {
                collectReferences(schema(ref.substring(SCHEMAS.length())), names);
            }
            node.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("examples") && !f.getKey().equals("example")) collectReferences(f.getValue(), names);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectReferences(n, names));
        }
    }

    private static JsonNode schema(String name) {
        return contract.path("components").path("schemas").path(name);
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) type.forEach(t -> types.add(t.asText()));
        else if (type.isTextual()) types.add(type.asText());
        return types;
    }
}
