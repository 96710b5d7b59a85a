package dev.debrief.adapter.rest.access;

import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.application.port.in.access.ApiKeysUseCase;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.access.Scope;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumSet;
import java.util.Set;

@Authenticated
@Path(Api.WORKSPACE + "/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Credentials for integration partners, one workspace each")
public class ApiKeyResource {

    private final ApiKeysUseCase keys;
    private final Callers callers;

    @Inject
    public ApiKeyResource(ApiKeysUseCase keys, Callers callers) {
        this.keys = keys;
        this.callers = callers;
    }

    @POST
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "The secret is in this response only; Debrief keeps its SHA-256. A workspace has at most 100 keys that are "
                    + "not revoked (409 api-key.limit-reached). Not idempotent: a secret is never stored to be replayed.")
    @APIResponse(responseCode = "201", description = "Created, with the secret",
            headers = @Header(name = HttpHeaders.CACHE_CONTROL, description = "no-store, as on every API response: "
                    + "this one carries the secret, no cache may keep it", required = true,
                    schema = @Schema(type = SchemaType.STRING, enumeration = "no-store")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyResponse.NewApiKey.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "409", description = "The workspace has 100 keys that are not revoked (api-key.limit-reached)")
    @APIResponse(responseCode = "422", description = "Unknown scope or an expiry in the past")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public Response create(@PathParam("workspaceId") String workspaceId, @Valid @NotNull ApiKeyRequest body,
                           @Context UriInfo uri) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (int i = 0; i < body.scopes().size(); i++) {
            scopes.add(Scope.of(body.scopes().get(i), "scopes[" + i + "]"));
        }
        ApiKey.Issued issued = keys.issue(callers.access(), body.name(), scopes, body.expiresAt());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.key().id().toString()).build())
                .entity(ApiKeyResponse.NewApiKey.from(issued)).build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "List the workspace's API keys, newest first (never their secrets)",
            description = "The keys that are not revoked, expired ones included; at most 100, never paged. Revoked keys are in the "
                    + "audit trail (GET …/audit-events?resource=api-key).")
    @APIResponse(responseCode = "200", description = "The keys")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public ApiKeyResponse.ListResponse list(@PathParam("workspaceId") String workspaceId) {
        return new ApiKeyResponse.ListResponse(keys.list(callers.access()).stream()
                .map(ApiKeyResponse::from).toList());
    }

    @DELETE
    @Path("{keyId}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key, effective at once",
            description = "The key stops authenticating with the next request and leaves the list; the answer shows it with its revokedAt.")
    @APIResponse(responseCode = "200", description = "The revoked key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such key in this workspace")
    @APIResponse(responseCode = "409", description = "Already revoked")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public ApiKeyResponse revoke(@PathParam("workspaceId") String workspaceId, @PathParam("keyId") String keyId) {
        ApiKeyId id = new ApiKeyId(PathIds.uuid(keyId, "api-key.not-found", "API key"));
        return ApiKeyResponse.from(keys.revoke(callers.access(), id));
    }
}
