package dev.debrief.adapter.rest.shared;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.access.Scope;
import java.util.EnumSet;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Completes the contract's error responses: every status of 400 and above is
 * application/problem+json with the Problem schema and a realistic example, every operation
 * documents 406, 429 (rate limit, with Retry-After), 500 and 503 (database unavailable, with Retry-After), and every operation with a body
 * documents 413 (too large) and 415. The resources only say
 * which errors they return and why.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String EXAMPLE_REQUEST_ID = "4f9e1c2a-58b4-4a8e-9f8b-2d1c0b7a6e5f";

    private static final Map<String, String[]> EXAMPLES = Map.ofEntries(
            Map.entry("400", new String[]{"validation.failed", "The request has invalid fields: see errors", "name", "must not be blank"}),
            Map.entry("401", new String[]{"auth.unauthenticated", "Send a valid bearer token of your identity provider, or an API key (Authorization: Bearer dbk_...)", null, null}),
            Map.entry("403", new String[]{"access.forbidden", "Your role REP does not allow this; it needs one of [ADMIN]", null, null}),
            Map.entry("404", new String[]{"deal.not-found", "There is no deal 0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e in this workspace", null, null}),
            Map.entry("405", new String[]{"method.not-allowed", "This resource does not support the method: allowed are [GET, POST]", null, null}),
            Map.entry("406", new String[]{"media-type.not-acceptable", "This resource answers with none of the media types your Accept header allows: the API reference lists what each operation produces (application/json, text/csv for the export; application/problem+json for errors)", "Accept", "not acceptable"}),
            Map.entry("408", new String[]{"import.upload-timeout", "No data arrived for 30 s: the upload was cut. Send the file in one go (curl --data-binary @file.csv)", null, null}),
            Map.entry("409", new String[]{"deal.already-closed", "The deal is already closed as WON: reopen it first", null, null}),
            Map.entry("413", new String[]{"request.too-large", "The request body is larger than the 1048576 bytes this service accepts", null, null}),
            Map.entry("429", new String[]{"rate-limit.exceeded", "More than 600 requests in a minute with these credentials; retry in 42 s", null, null}),
            Map.entry("412", new String[]{"precondition.failed", "The resource changed: you sent version 2 but it is at version 3. Fetch it again and reapply your change.", null, null}),
            Map.entry("414", new String[]{"request.uri-too-long", "The request URI is longer than the 4096 characters this service accepts: send long filters in fewer or shorter parameters", null, null}),
            Map.entry("415", new String[]{"media-type.unsupported", "Send the body as application/json (UTF-8; no other charset): a missing, wildcard or other Content-Type is not read", "Content-Type", "expected application/json"}),
            Map.entry("422", new String[]{"loss-analysis.primary-reason-required", "A lost deal needs a primary reason from the workspace's taxonomy", "lossAnalysis.primaryReason", "A lost deal needs a primary reason from the workspace's taxonomy"}),
            Map.entry("428", new String[]{"precondition.required", "This write needs an If-Match header with the ETag you last read, so that it can't silently overwrite someone else's change", "If-Match", "required"}),
            Map.entry("500", new String[]{"internal.error", "The service failed; the request id identifies it in our logs", null, null}),
            Map.entry("503", new String[]{"database.unavailable", "The database is unavailable; nothing was changed unless a retry with the same Idempotency-Key says so. Retry later", null, null}));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addSchema("FieldError", fieldErrorSchema());
        openAPI.getComponents().addSecurityScheme("person", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A person's access token from the company's identity provider (OIDC), verified by signature, issuer, audience and expiry."));
        openAPI.getComponents().addSecurityScheme("apiKey", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("dbk_<prefix>_<secret>")
                .description("An integration partner's API key as a bearer token (the primary form)."));
        openAPI.getComponents().addSecurityScheme("apiKeyHeader", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key")
                .description("The same API key in the X-Api-Key header."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                if (entry.getKey() == PathItem.HttpMethod.POST) {
                    offerIdempotencyKey(entry.getValue());
                }
                complete(entry.getValue());
            }
        }
    }

    /** POSTs that can't take a key: a key is scoped to a workspace, and an API key's secret is never stored. */
    static final java.util.Set<String> UNKEYED_POSTS = java.util.Set.of("createWorkspace", "createApiKey");

    /** Every POST of an {@link IdempotentPosts} resource takes an optional Idempotency-Key (the batch and the import require theirs). */
    private static void offerIdempotencyKey(Operation operation) {
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> IdempotencyKeys.HEADER.equalsIgnoreCase(p.getName()));
        if (declared || UNKEYED_POSTS.contains(operation.getOperationId())) {
            return;
        }
        operation.addParameter(OASFactory.createParameter().name(IdempotencyKeys.HEADER).in(Parameter.In.HEADER).required(false)
                .description("Optional: a unique key (a UUID) for this request. Sent again with the same request, it replays the "
                        + "first answer (Idempotent-Replayed: true) instead of running twice; with another request it is 422 "
                        + "idempotency.key-reused, while the first still runs 409 idempotency.in-flight")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).minLength(1).maxLength(IdempotencyKeys.MAX_LENGTH))
                .example("9f1c2e7a-0d4b-4a51-9d0e-6c1f3b2a8e77"));
        operation.getResponses().addAPIResponse("409", described(alsoFor(operation, "409",
                "A request with this Idempotency-Key is still running (idempotency.in-flight): retry later")));
        operation.getResponses().addAPIResponse("422", described(alsoFor(operation, "422",
                "The Idempotency-Key was used with another request (idempotency.key-reused)")));
    }

    /** The operation's own description of {@code status}, if it has one, followed by this service-wide cause. */
    private static String alsoFor(Operation operation, String status, String cause) {
        APIResponse own = operation.getResponses().getAPIResponse(status);
        return own == null ? cause : own.getDescription() + "; or: " + cause;
    }

    private void complete(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                describe(operation, parameter);
            }
        }
        declareRights(operation);
        operation.getResponses().addAPIResponse("406", described("The Accept header allows no media type this operation produces"));
        operation.getResponses().addAPIResponse("414", described(
                "The request URI is longer than the service accepts (DEBRIEF_MAX_URI_LENGTH, 4096 characters by default) (request.uri-too-long)"));
        if (operation.getRequestBody() != null) {
            operation.getResponses().addAPIResponse("413", described(alsoFor(operation, "413",
                    "The body is larger than the service accepts (DEBRIEF_MAX_BODY_SIZE, 1 MB by default) (request.too-large)")));
            operation.getResponses().addAPIResponse("415", described("The body's Content-Type is not one this operation accepts; "
                    + "a JSON body sent without a Content-Type, with a wildcard or in another charset than UTF-8 neither (media-type.unsupported)"));
        }
        operation.getResponses().addAPIResponse("429", described(alsoFor(operation, "429",
                        "More requests in a minute than your API key or you as a person may send (rate-limit.exceeded); "
                                + "or more failed authentications from your address in a minute than the service allows "
                                + "(auth.too-many-failures): requests with credentials wait until the minute is over"))
                .addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds until you may send requests again")
                        .schema(seconds(42))));
        operation.getResponses().addAPIResponse("500", described("A bug: the problem's instance names the request in our logs"));
        operation.getResponses().addAPIResponse("503", described(
                        "The database is unavailable (database.unavailable): send the request again after Retry-After seconds, a POST with the same "
                                + "Idempotency-Key (a write whose commit timed out may have been applied; the key replays it instead of writing twice)")
                .addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before sending the request again")
                        .schema(seconds(2))));
        Map<String, APIResponse> sorted = new TreeMap<>(operation.getResponses().getAPIResponses());
        for (Map.Entry<String, APIResponse> response : sorted.entrySet()) {
            if (response.getKey().compareTo("400") >= 0 && response.getKey().length() == 3) {
                response.getValue().setContent(problemContent(response.getKey(), response.getValue().getDescription()));
            }
        }
        operation.getResponses().setAPIResponses(new LinkedHashMap<>(sorted));
    }

    /**
     * Every operation needs credentials. Its {@code x-right} (declared next to the {@code @Requires}
     * that enforces it) becomes the roles and key scopes that may call it, read from {@link Right}.
     */
    private static void declareRights(Operation operation) {
        operation.setSecurity(List.of(
                OASFactory.createSecurityRequirement().addScheme("person"),
                OASFactory.createSecurityRequirement().addScheme("apiKey"),
                OASFactory.createSecurityRequirement().addScheme("apiKeyHeader")));
        operation.getResponses().addAPIResponse("401", described(
                "No credentials, or credentials that don't verify (auth.unauthenticated); or X-Api-Key and Authorization "
                        + "naming different callers (auth.conflicting-credentials). The response carries WWW-Authenticate"));
        // SmallRye copies a method's @Extension onto its responses too; it belongs to the operation only.
        for (String extension : List.of("x-right", "x-relation")) {
            operation.getResponses().removeExtension(extension);
            operation.getResponses().getAPIResponses().values().forEach(response -> response.removeExtension(extension));
        }
        Object declared = operation.getExtensions() == null ? null : operation.getExtensions().get("x-right");
        if (declared == null) {
            return;
        }
        String right = declared.toString();
        switch (right) {
            case "AUTHENTICATED" -> {
                operation.addExtension("x-roles", List.of("ADMIN", "MANAGER", "REP"));
                operation.addExtension("x-scopes", List.of("any"));
            }
            case "PERSON" -> {
                operation.addExtension("x-roles", List.of("any authenticated person"));
                operation.addExtension("x-scopes", List.of());
                operation.getResponses().addAPIResponse("403", described(
                        "API keys can't do this, or the bootstrap-admin setting excludes you (access.forbidden)"));
            }
            default -> {
                Right parsed = Right.valueOf(right);
                operation.addExtension("x-roles", parsed.roles().stream().map(Enum::name).toList());
                operation.addExtension("x-scopes", parsed.scopes().stream().map(Scope::value).toList());
                if (!parsed.roles().containsAll(EnumSet.allOf(Role.class)) || !parsed.scopes().containsAll(EnumSet.allOf(Scope.class))) {
                    operation.getResponses().addAPIResponse("403", described(
                            "Your role or key scopes don't grant " + right + " (access.forbidden)"));
                }
                operation.getResponses().addAPIResponse("404", described(
                        operation.getResponses().getAPIResponse("404") == null
                                ? "No such workspace, or you are not a member of it: the same answer, no existence leak (workspace.not-found)"
                                : operation.getResponses().getAPIResponse("404").getDescription()
                                + "; also when you are not a member of the workspace (workspace.not-found)"));
            }
        }
    }

    /** Path ids and If-Match mean the same everywhere: described once, here. */
    private static void describe(Operation operation, Parameter parameter) {
        if (parameter.getIn() == Parameter.In.PATH && "workspaceId".equals(parameter.getName())) {
            parameter.setDescription("The workspace's id");
        }
        if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName())) {
            parameter.setRequired(true);
            parameter.setDescription("The ETag you last read (the version in quotes, e.g. \"3\")");
            parameter.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(32).examples(List.of("\"3\"")));
            operation.getResponses().addAPIResponse("412", described(
                    "If-Match is not the current ETag: someone changed the resource since you read it; read it again (precondition.failed)"));
            operation.getResponses().addAPIResponse("428", described(
                    "If-Match is missing: writes to an existing deal or analysis must name the version they change (precondition.required)"));
        }
    }

    private static Schema seconds(int example) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(3600)).examples(List.of(example));
    }

    private static APIResponse described(String description) {
        return OASFactory.createAPIResponse().description(description);
    }

    /** A code named in a response's description, like {@code (deal.deleted)}: the example then shows that one. */
    private static final java.util.regex.Pattern NAMED_CODE =
            java.util.regex.Pattern.compile("\\(([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\\)");

    private static Content problemContent(String status, String description) {
        String[] example = EXAMPLES.getOrDefault(status, new String[]{"http." + status, "HTTP " + status, null, null});
        java.util.regex.Matcher named = description == null ? null : NAMED_CODE.matcher(description);
        if (named != null && named.find() && !named.group(1).equals(example[0])) {
            String detail = description.substring(0, named.start()).strip();
            example = new String[]{named.group(1), detail.isEmpty() ? description : detail, null, null};
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", "https://debrief.dev/problems/" + example[0]);
        value.put("title", Problems.title(Integer.parseInt(status)));
        value.put("status", Integer.parseInt(status));
        value.put("detail", example[1]);
        value.put("instance", RequestIds.instance(EXAMPLE_REQUEST_ID));
        value.put("code", example[0]);
        if (example[2] != null) {
            // In this order every time: Map.of's iteration order changes from one JVM to the next.
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", example[2]);
            error.put("message", example[3]);
            value.put("errors", List.of(error));
        }
        MediaType mediaType = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .example(value);
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details. Switch on `code`, not on `title` or `detail`. `errors` is there only when fields are at fault.")
                .addRequired("type").addRequired("title").addRequired("status").addRequired("detail").addRequired("instance").addRequired("code")
                .addProperty("type", string("A URI naming the problem type", "https://debrief.dev/problems/deal.not-found", 200))
                .addProperty("title", string("Short summary of the HTTP status", "Not Found", 100))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)).examples(List.of(404)))
                .addProperty("detail", string("What went wrong this time, for people",
                        "There is no deal 0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e in this workspace", Problem.MAX_DETAIL))
                .addProperty("instance", string("This occurrence: urn:debrief:request: and the X-Request-Id of the response",
                        RequestIds.instance(EXAMPLE_REQUEST_ID), 200))
                .addProperty("code", string("Stable machine-readable code", "deal.not-found", 100))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("The fields at fault (the first " + Problem.MAX_ERRORS + ")").maxItems(Problem.MAX_ERRORS)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .addRequired("field").addRequired("message")
                .addProperty("field", string("Body fields as JSON paths; query parameters and headers by name",
                        "lossAnalysis.primaryReason.reasonId", Problem.MAX_FIELD))
                .addProperty("message", string("What is wrong with it", "must not be blank", Problem.MAX_MESSAGE));
    }

    private static Schema string(String description, String example, int maxLength) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description)
                .maxLength(maxLength).examples(List.of(example));
    }
}
