package dev.debrief.adapter.rest.shared;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The contract's conventions (docs/decisions.md, "The contract"), applied once to the whole document
 * after the annotations and {@link ProblemResponsesFilter} have built it, so no resource has to repeat them:
 * <ul>
 *   <li>Java value types (UUID, LocalDate, Instant) are inline strings with a format, never schemas of their own;</li>
 *   <li>nothing is written next to a {@code $ref} but a description and examples;</li>
 *   <li>every property of a response schema is required: an absent value is an explicit {@code null}, and the
 *       property then says so ({@code type: [X, "null"]}, or {@code anyOf} with {@code null} for a reference);</li>
 *   <li>every PATCH is a JSON merge patch (RFC 7396) read from {@code application/merge-patch+json} or
 *       {@code application/json} alike;</li>
 *   <li>parameters named the same mean the same everywhere: ids are UUIDs, dates are dates, flags are booleans;</li>
 *   <li>the headers a response carries are documented on it: Location on a 201, Idempotent-Replayed on the 2xx of
 *       an operation that takes an Idempotency-Key, the rate-limit headers on every answer to an authenticated caller.</li>
 * </ul>
 */
final class ContractConventions {

    static final String MERGE_PATCH = Api.MERGE_PATCH;
    private static final String SCHEMAS = "#/components/schemas/";

    /** Java types SmallRye would otherwise turn into schemas named after them. */
    private static final Map<String, Schema> VALUE_TYPES = Map.of(
            "UUID", valueType("uuid", 36),
            "LocalDate", valueType("date", 10),
            "Instant", valueType("date-time", 35));

    /** Query and path parameters whose name fixes their type, whichever operation they belong to. */
    private static final Set<String> DATE_PARAMETERS = Set.of("date", "from", "to", "closedFrom", "closedTo");
    /** Ids a partner system made: any text, never a Debrief UUID. */
    private static final Set<String> PARTNER_IDS = Set.of("externalId");
    private static final Set<String> FLAG_PARAMETERS = Set.of("includeArchived", "triage", "updateOnly", "bom");

    private ContractConventions() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        forEachSchema(openAPI, ContractConventions::inlineValueTypes);
        VALUE_TYPES.keySet().forEach(openAPI.getComponents()::removeSchema);
        forEachSchema(openAPI, ContractConventions::nothingBesideReferences);
        forEachSchema(openAPI, ContractConventions::boundFormattedStrings);
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(ContractConventions::typeByName);
                }
                if (entry.getKey() == PathItem.HttpMethod.PATCH) {
                    readMergePatchAsJsonToo(operation);
                }
                documentHeaders(operation);
            }
        }
        Set<String> answered = reachableFrom(openAPI, components, false);
        Set<String> sent = reachableFrom(openAPI, components, true);
        for (String name : answered) {
            Schema schema = components.get(name);
            if (!sent.contains(name) && !PROBLEM_SCHEMAS.contains(name) && schema != null
                    && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
        for (String name : sent) {
            Schema schema = components.get(name);
            if (!answered.contains(name) && !name.endsWith("Patch") && schema != null && schema.getProperties() != null) {
                schema.getProperties().forEach((property, value) -> {
                    if (schema.getRequired() == null || !schema.getRequired().contains(property)) {
                        allowNull(value);
                    }
                });
            }
        }
    }

    // --- value types ---------------------------------------------------------------------------------

    private static Schema valueType(String format, int maxLength) {
        return OASFactory.createSchema().type(List.of(SchemaType.STRING)).format(format).maxLength(maxLength);
    }

    /** {@code $ref: UUID} becomes {@code type: string, format: uuid}; a nullable one {@code type: [string, "null"]}. */
    private static void inlineValueTypes(Schema schema) {
        String valueType = valueTypeOf(schema.getRef());
        boolean nullable = false;
        if (valueType == null && schema.getAnyOf() != null && schema.getAnyOf().size() == 2) {
            Schema first = schema.getAnyOf().get(0);
            Schema second = schema.getAnyOf().get(1);
            if (isNull(second) && valueTypeOf(first.getRef()) != null) {
                valueType = valueTypeOf(first.getRef());
                nullable = true;
            }
        }
        if (valueType == null) {
            return;
        }
        Schema inline = VALUE_TYPES.get(valueType);
        schema.setRef(null);
        schema.setAnyOf(null);
        schema.setPattern(null);
        schema.setType(nullable ? List.of(SchemaType.STRING, SchemaType.NULL) : List.of(SchemaType.STRING));
        schema.setFormat(inline.getFormat());
        schema.setMaxLength(inline.getMaxLength());
    }

    private static String valueTypeOf(String ref) {
        if (ref == null || !ref.startsWith(SCHEMAS)) {
            return null;
        }
        String name = ref.substring(SCHEMAS.length());
        return VALUE_TYPES.containsKey(name) ? name : null;
    }

    private static boolean isNull(Schema schema) {
        return schema.getRef() == null && schema.getType() != null && schema.getType().equals(List.of(SchemaType.NULL));
    }

    /** Generators warn about (and some ignore) a type written next to a reference; the reference says it all. */
    private static void nothingBesideReferences(Schema schema) {
        boolean referring = schema.getRef() != null
                || schema.getAnyOf() != null && schema.getAnyOf().stream().anyMatch(s -> s.getRef() != null);
        if (referring) {
            schema.setType(null);
            schema.setFormat(null);
            schema.setPattern(null);
        }
    }

    /** A string with a fixed-size format (a List<UUID>'s items, say) is as long as that format allows. */
    private static void boundFormattedStrings(Schema schema) {
        if (schema.getMaxLength() != null || schema.getType() == null || !schema.getType().contains(SchemaType.STRING)
                || schema.getFormat() == null) {
            return;
        }
        VALUE_TYPES.values().stream().filter(type -> type.getFormat().equals(schema.getFormat())).findFirst()
                .ifPresent(type -> schema.setMaxLength(type.getMaxLength()));
    }

    // --- parameters ----------------------------------------------------------------------------------

    private static void typeByName(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema == null || schema.getType() == null || !schema.getType().equals(List.of(SchemaType.STRING))
                || schema.getFormat() != null || schema.getEnumeration() != null || schema.getPattern() != null) {
            return;
        }
        String name = parameter.getName();
        if (name.endsWith("Id") && !PARTNER_IDS.contains(name) && parameter.getIn() != Parameter.In.HEADER) {
            schema.format("uuid").maxLength(36).pattern(null);
        } else if (DATE_PARAMETERS.contains(name)) {
            schema.format("date").maxLength(10);
        } else if (FLAG_PARAMETERS.contains(name)) {
            schema.type(List.of(SchemaType.BOOLEAN)).maxLength(null);
        }
    }

    // --- PATCH ---------------------------------------------------------------------------------------

    private static void readMergePatchAsJsonToo(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        Content content = operation.getRequestBody().getContent();
        MediaType patch = content.getMediaType(MERGE_PATCH);
        MediaType json = content.getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        MediaType one = patch != null ? patch : json;
        if (one == null) {
            return;
        }
        Content both = OASFactory.createContent();
        both.addMediaType(MERGE_PATCH, one);
        both.addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, OASFactory.createMediaType().schema(one.getSchema()));
        operation.getRequestBody().setContent(both);
    }

    // --- headers -------------------------------------------------------------------------------------

    private static void documentHeaders(Operation operation) {
        boolean authenticated = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            if (entry.getKey().equals("201") && (response.getHeaders() == null || !response.getHeaders().containsKey("Location"))) {
                response.addHeader("Location", OASFactory.createHeader().required(true)
                        .description("The URL of what was created")
                        .schema(OASFactory.createSchema().type(List.of(SchemaType.STRING)).format("uri").maxLength(2048)));
            }
            if (takesIdempotencyKey(operation) && entry.getKey().startsWith("2")
                    && (response.getHeaders() == null || !response.getHeaders().containsKey(IdempotentResponses.REPLAYED_HEADER))) {
                response.addHeader(IdempotentResponses.REPLAYED_HEADER, OASFactory.createHeader()
                        .description("true when this is the stored answer to an earlier request with the same Idempotency-Key; absent otherwise")
                        .schema(OASFactory.createSchema().type(List.of(SchemaType.STRING)).addEnumeration("true")));
            }
            if (authenticated && !entry.getKey().equals("401")) {
                dev.debrief.adapter.rest.access.RateLimitHeaders.NAMES.forEach((name, description) -> response.addHeader(name, rateLimitHeader(description)));
            }
        }
    }

    private static boolean takesIdempotencyKey(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && IdempotencyKeys.HEADER.equalsIgnoreCase(p.getName()));
    }

    private static Header rateLimitHeader(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().type(List.of(SchemaType.INTEGER)).format("int32").minimum(java.math.BigDecimal.ZERO)
                        .maximum(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)));
    }

    // --- which schemas answer, which are sent ---------------------------------------------------------

    private static final Set<String> PROBLEM_SCHEMAS = Set.of("Problem", "FieldError");

    /** Component schemas reachable from request bodies and parameters ({@code sent}), or from response bodies. */
    private static Set<String> reachableFrom(OpenAPI openAPI, Map<String, Schema> components, boolean sent) {
        List<Schema> roots = new ArrayList<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (sent && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().getMediaTypes().values().forEach(m -> roots.add(m.getSchema()));
                }
                if (sent && operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> roots.add(p.getSchema()));
                }
                if (!sent) {
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        if (response.getContent() != null) {
                            response.getContent().getMediaTypes().values().forEach(m -> roots.add(m.getSchema()));
                        }
                    }
                }
            }
        }
        return reachable(roots, components);
    }

    /**
     * An optional property of a request may be sent as {@code null}, meaning the same as leaving it out
     * (what JSON libraries write for an unset field); a merge patch is the exception, where null clears.
     */
    private static void allowNull(Schema property) {
        if (property.getRef() != null) {
            Schema reference = OASFactory.createSchema().ref(property.getRef());
            property.setRef(null);
            property.setAnyOf(List.of(reference, OASFactory.createSchema().type(List.of(SchemaType.NULL))));
        } else if (property.getType() != null && !property.getType().contains(SchemaType.NULL)) {
            List<SchemaType> types = new ArrayList<>(property.getType());
            types.add(SchemaType.NULL);
            property.setType(types);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        }
    }

    static Set<String> reachable(List<Schema> roots, Map<String, Schema> components) {
        Set<String> names = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>();
        roots.stream().filter(java.util.Objects::nonNull).forEach(todo::add);
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
                String name = schema.getRef().substring(SCHEMAS.length());
                if (names.add(name) && components.containsKey(name)) {
                    todo.push(components.get(name));
                }
            }
            children(schema).forEach(todo::push);
        }
        return names;
    }

    // --- walking -------------------------------------------------------------------------------------

    private static void forEachSchema(OpenAPI openAPI, Consumer<Schema> action) {
        List<Schema> roots = new ArrayList<>(openAPI.getComponents().getSchemas().values());
        if (openAPI.getPaths() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                for (Operation operation : item.getOperations().values()) {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> roots.add(p.getSchema()));
                    }
                    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                        operation.getRequestBody().getContent().getMediaTypes().values().forEach(m -> roots.add(m.getSchema()));
                    }
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        if (response.getContent() != null) {
                            response.getContent().getMediaTypes().values().forEach(m -> roots.add(m.getSchema()));
                        }
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(h -> roots.add(h.getSchema()));
                        }
                    }
                }
            }
        }
        Deque<Schema> todo = new ArrayDeque<>();
        roots.stream().filter(java.util.Objects::nonNull).forEach(todo::add);
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (seen.add(schema)) {
                action.accept(schema);
                children(schema).forEach(todo::push);
            }
        }
    }

    private static List<Schema> children(Schema schema) {
        List<Schema> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            children.addAll(schema.getProperties().values());
        }
        if (schema.getItems() != null) {
            children.add(schema.getItems());
        }
        for (List<Schema> group : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (group != null) {
                children.addAll(group);
            }
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            children.add(schema.getAdditionalPropertiesSchema());
        }
        return children;
    }
}
