package dev.debrief.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An OpenAPI 3.1 document, read once, that tells whether a request or a response is one it
 * describes: the operation (method and path template; a literal segment wins over a template), its
 * path and query parameters, its request body, the response of each status and its media types. JSON
 * bodies are checked against their schema by networknt's validator in the OpenAPI 3.1 dialect (JSON
 * Schema 2020-12, formats asserted), with {@code $ref}s resolved inside the document.
 */
final class Contract {

    /** The document's name, so that "#/components/schemas/…" resolves inside it; never fetched. */
    private static final String DOCUMENT = "urn:debrief:contract";
    private static final Pattern PARAMETER_OR_LITERAL = Pattern.compile("\\{([^}]+)}|[^{]+");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private Contract(JsonNode document) {
        this.document = document;
        String text = document.toString();
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(DOCUMENT, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .pathType(PathType.JSON_POINTER)
                        .formatAssertionsEnabled(true)
                        .build()));
    }

    static Contract read(Path file) {
        try {
            return new Contract(new YAMLMapper().readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contract " + file, e);
        }
    }

    /** An operation of the contract, with the values the request gave its path parameters. */
    record Operation(String method, String template, String pointer, Map<String, String> pathValues, String id) {

        /** "GET /api/v1/me (getMe)" */
        String name() {
            return method.toUpperCase(Locale.ROOT) + " " + template + (id.isEmpty() ? "" : " (" + id + ")");
        }
    }

    /**
     * One thing the contract does not allow. {@code at} is a JSON pointer into the body, or
     * {@code ?name} / {@code {name}} for a query or path parameter; {@code kind} is the JSON Schema
     * keyword that failed, or what else was wrong (status, media-type, body, parameter, operation, json);
     * {@code schema} is where in the contract the broken rule is written, when it is a schema's.
     */
    record Violation(String at, String kind, String message, String schema) {
    }

    /** The operation this request is for, or why there is none. */
    Optional<Operation> operation(String method, String rawPath) {
        return match(rawPath).map(path -> {
            String pointer = "/paths/" + escape(path.template) + "/" + method.toLowerCase(Locale.ROOT);
            JsonNode operation = document.at(pointer);
            return operation.isObject()
                    ? new Operation(method, path.template, pointer, path.values, operation.path("operationId").asText(""))
                    : null;
        });
    }

    /** Why {@link #operation} found nothing: no path template matches, or it has no such method. */
    Violation noOperation(String method, String rawPath) {
        return match(rawPath)
                .map(path -> new Violation("", "operation", method.toUpperCase(Locale.ROOT) + " is not declared for " + path.template, ""))
                .orElse(new Violation("", "operation", "no path of the contract matches " + rawPath, ""));
    }

    /**
     * The request's path and query parameters and its body against the operation. {@code body} is
     * null when the request has none.
     */
    List<Violation> checkRequest(Operation operation, String rawQuery, String contentType, byte[] body) {
        List<Violation> found = new ArrayList<>(checkParameters(operation, query(rawQuery)));
        String requestBody = resolve(operation.pointer + "/requestBody");
        boolean declared = document.at(requestBody).isObject();
        if (body == null || body.length == 0) {
            if (declared && document.at(requestBody + "/required").asBoolean(false)) {
                found.add(new Violation("", "body", "no request body; the operation requires one", ""));
            }
        } else if (!declared) {
            found.add(new Violation("", "body", "a request body the operation does not declare", ""));
        } else {
            found.addAll(checkContent(requestBody + "/content", contentType, body));
        }
        return found;
    }

    /** The response's status, media type and body against the operation. */
    List<Violation> checkResponse(Operation operation, int status, String contentType, byte[] body) {
        String responses = operation.pointer + "/responses";
        Optional<String> declared = Stream.of(Integer.toString(status), status / 100 + "XX", "default")
                .filter(document.at(responses)::has).findFirst();
        if (declared.isEmpty()) {
            return List.of(new Violation("", "status", "status " + status + " is not declared; the operation declares "
                    + names(document.at(responses)), ""));
        }
        String response = resolve(responses + "/" + escape(declared.get()));
        JsonNode content = document.at(response + "/content");
        boolean hasBody = body != null && body.length > 0;
        if (!hasBody) {
            return content.isEmpty() || operation.method.equalsIgnoreCase("HEAD") ? List.of()
                    : List.of(new Violation("", "body", "no body; the contract declares " + names(content), ""));
        }
        if (content.isEmpty()) {
            return List.of(new Violation("", "body", "a body the contract does not declare for " + declared.get(), ""));
        }
        return checkContent(response + "/content", contentType, body);
    }

    /** The media type without its parameters, in lower case: "application/json; charset=UTF-8" → "application/json". */
    static String mediaType(String contentType) {
        return contentType == null || contentType.isBlank() ? null
                : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private List<Violation> checkContent(String contentPointer, String contentType, byte[] body) {
        JsonNode content = document.at(contentPointer);
        String mediaType = mediaType(contentType);
        if (mediaType == null || !content.has(mediaType)) {
            String sent = mediaType == null ? "no Content-Type" : "Content-Type " + mediaType + " is not declared";
            return List.of(new Violation("", "media-type", sent + "; the contract declares " + names(content), ""));
        }
        String schema = contentPointer + "/" + escape(mediaType) + "/schema";
        boolean json = mediaType.equals("application/json") || mediaType.endsWith("+json");
        if (!json || document.at(schema).isMissingNode()) {
            return List.of();
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(new Violation("", "json", "not JSON: " + e.getMessage().lines().findFirst().orElse(""), ""));
        }
        return validate(schema, instance, "");
    }

    private List<Violation> checkParameters(Operation operation, Map<String, List<String>> query) {
        List<Violation> found = new ArrayList<>();
        Set<String> declaredQuery = new HashSet<>();
        for (Parameter parameter : parameters(operation)) {
            List<String> values = switch (parameter.in) {
                case "query" -> query.get(parameter.name);
                case "path" -> operation.pathValues.containsKey(parameter.name) ? List.of(operation.pathValues.get(parameter.name)) : null;
                default -> List.of(); // headers and cookies are not checked
            };
            String at = (parameter.in.equals("path") ? "{" + parameter.name + "}" : "?" + parameter.name);
            if (parameter.in.equals("query")) {
                declaredQuery.add(parameter.name);
            }
            if (values == null) {
                if (parameter.required) {
                    found.add(new Violation(at, "required", "a required parameter is missing", ""));
                }
            } else if (!values.isEmpty() && !document.at(parameter.schema).isMissingNode()) {
                found.addAll(validate(parameter.schema, parameterValue(values, parameter.schema), at));
            }
        }
        query.keySet().stream().filter(name -> !declaredQuery.contains(name)).forEach(name ->
                found.add(new Violation("?" + name, "parameter", "a query parameter the operation does not declare", "")));
        return found;
    }

    private record Parameter(String name, String in, boolean required, String schema) {
    }

    /** The path item's parameters and the operation's own (which win), {@code $ref}s resolved. */
    private List<Parameter> parameters(Operation operation) {
        Map<String, Parameter> byPlace = new LinkedHashMap<>();
        String pathItem = operation.pointer.substring(0, operation.pointer.lastIndexOf('/'));
        for (String owner : List.of(pathItem, operation.pointer)) {
            for (int i = 0; i < document.at(owner + "/parameters").size(); i++) {
                String pointer = resolve(owner + "/parameters/" + i);
                JsonNode parameter = document.at(pointer);
                String name = parameter.path("name").asText();
                String in = parameter.path("in").asText();
                byPlace.put(in + " " + name, new Parameter(name, in, parameter.path("required").asBoolean(false), pointer + "/schema"));
            }
        }
        return List.copyOf(byPlace.values());
    }

    /** A parameter's text as the JSON value its schema asks for: "5" is 5 for an integer, "abc" stays a string. */
    private JsonNode parameterValue(List<String> values, String schemaPointer) {
        JsonNode schema = document.at(resolve(schemaPointer));
        if (types(schema).contains("array")) {
            JsonNode items = document.at(resolve(resolve(schemaPointer) + "/items"));
            ArrayNode array = JSON.createArrayNode();
            values.forEach(value -> array.add(scalar(value, items)));
            return array;
        }
        return scalar(values.get(0), schema);
    }

    private JsonNode scalar(String value, JsonNode schema) {
        Set<String> types = types(schema);
        if (types.contains("integer") && INTEGER.matcher(value).matches()) {
            return JsonNodeFactory.instance.numberNode(new BigInteger(value));
        }
        if (types.contains("number") && NUMBER.matcher(value).matches()) {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(value));
        }
        if (types.contains("boolean") && (value.equals("true") || value.equals("false"))) {
            return BooleanNode.valueOf(Boolean.parseBoolean(value));
        }
        return TextNode.valueOf(value);
    }

    /** The schema's types: {@code type: string}, {@code type: [string, "null"]}, or those of its {@code $ref}. */
    private Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isMissingNode() && schema.path("$ref").asText().startsWith("#")) {
            return types(document.at(schema.path("$ref").asText().substring(1)));
        }
        Set<String> types = new HashSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    private List<Violation> validate(String schemaPointer, JsonNode instance, String prefix) {
        Schema schema = schemas.computeIfAbsent(schemaPointer, pointer -> registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer)));
        List<Violation> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Error error : schema.validate(instance)) {
            String at = prefix + error.getInstanceLocation();
            // A $ref beside its own "type" reports the same fault twice, from two places: keep one.
            if (seen.add(at + " " + error.getMessage())) {
                String where = error.getSchemaLocation().toString();
                found.add(new Violation(at, error.getKeyword(), error.getMessage(), where.substring(where.indexOf('#'))));
            }
        }
        return found;
    }

    private record PathMatch(String template, int[] literalness, Map<String, String> values) {

        /** Ranks two matching templates segment by segment, from the left: a literal beats a partial one, which beats "{x}". */
        boolean beats(PathMatch other) {
            return Arrays.compare(literalness, other.literalness) > 0;
        }
    }

    private Optional<PathMatch> match(String rawPath) {
        List<String> segments = Arrays.stream(rawPath.substring(1).split("/", -1))
                .map(segment -> decode(segment.replace("+", "%2B"))).toList();
        PathMatch best = null;
        for (String template : (Iterable<String>) () -> document.path("paths").fieldNames()) {
            PathMatch candidate = match(template, segments);
            if (candidate != null && (best == null || candidate.beats(best))) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private static PathMatch match(String template, List<String> segments) {
        String[] parts = template.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return null;
        }
        int[] literalness = new int[parts.length];
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].contains("{")) {
                if (!parts[i].equals(segments.get(i))) {
                    return null;
                }
                literalness[i] = 2;
                continue;
            }
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            for (Matcher piece = PARAMETER_OR_LITERAL.matcher(parts[i]); piece.find(); ) {
                if (piece.group(1) != null) {
                    names.add(piece.group(1));
                    regex.append("(.+)");
                } else {
                    regex.append(Pattern.quote(piece.group()));
                }
            }
            Matcher value = Pattern.compile(regex.toString()).matcher(segments.get(i));
            if (!value.matches()) {
                return null;
            }
            for (int n = 0; n < names.size(); n++) {
                values.put(names.get(n), value.group(n + 1));
            }
            literalness[i] = parts[i].matches("\\{[^}]+}") ? 0 : 1;
        }
        return new PathMatch(template, literalness, values);
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                String value = nameAndValue.length > 1 ? decode(nameAndValue[1]) : "";
                query.computeIfAbsent(decode(nameAndValue[0]), name -> new ArrayList<>()).add(value);
            }
        }
        return query;
    }

    /** Percent-decoded, or as it is when it is not valid percent-encoding. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return text;
        }
    }

    /** The pointer itself, or where its {@code $ref} (to a response, a parameter, a request body…) leads. */
    private String resolve(String pointer) {
        String ref = document.at(pointer).path("$ref").asText("");
        return ref.startsWith("#/") ? resolve(ref.substring(1)) : pointer;
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** A JSON pointer token: "/" and "~" escaped (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
