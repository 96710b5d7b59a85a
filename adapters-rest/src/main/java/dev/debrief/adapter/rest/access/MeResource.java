package dev.debrief.adapter.rest.access;

import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.application.port.in.access.MeQueries;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.access.Scope;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Authenticated
@Path(Api.ROOT + "/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "Who is calling")
public class MeResource {

    private final MeQueries me;
    private final Callers callers;

    @Inject
    public MeResource(MeQueries me, Callers callers) {
        this.me = me;
        this.callers = callers;
    }

    @Schema(name = "Me")
    public record MeResponse(
            @Schema(description = "PERSON or API_KEY", examples = "PERSON", enumeration = {"PERSON", "API_KEY"}) String kind,
            @Schema(description = "The token's issuer; null for an API key", examples = "https://login.example.com/realms/acme",
                    maxLength = Callers.MAX_ISSUER, nullable = true) String issuer,
            @Schema(description = "The token's subject; api-key:<key id> for an API key", examples = "8d1c4e0a-2f7b-4c3e-9a51-6b0e7d2f1c34",
                    maxLength = Callers.MAX_SUBJECT) String subject,
            @Schema(description = "The token's email; null for an API key or a token without one", examples = "jane@example.com",
                    maxLength = Callers.MAX_EMAIL, nullable = true) String email,
            @Schema(description = "The token's name; null for an API key or a token without one", examples = "Jane Doe",
                    maxLength = Callers.MAX_DISPLAY_NAME, nullable = true) String displayName,
            @Schema(description = "A person's newest workspaces, with their role in each, newest membership first: at most 100. "
                    + "A key's one workspace and scopes", maxItems = MeQueries.MAX_LISTED)
            List<Workspace> workspaces,
            @Schema(description = "The person belongs to more than the 100 workspaces listed (the older ones are left out)",
                    examples = "false") boolean moreWorkspaces) {
    }

    @Schema(name = "MeWorkspace")
    public record Workspace(
            UUID id,
            @Schema(description = "Null for an API key", examples = "Acme Sales", maxLength = 200, nullable = true) String name,
            @Schema(description = "The person's membership; null for an API key", nullable = true) UUID memberId,
            @Schema(description = "The person's role; null for an API key", examples = "ADMIN", nullable = true) Role role,
            @Schema(description = "An API key's scopes; empty for a person (a person's rights follow from the role)",
                    type = SchemaType.ARRAY, implementation = ApiKeyResponse.ScopeName.class, maxItems = 4) List<String> scopes) {
    }

    @GET
    @Operation(operationId = "getMe", summary = "Who am I: the caller and their workspaces with their role in each",
            description = "For a person, reading it also accepts their open invitations (a verified email in the token binds them), "
                    + "and lists their 100 newest workspaces (moreWorkspaces: there are others). "
                    + "For an API key, its one workspace and scopes. Every property is always there; what doesn't apply is null.")
    @APIResponse(responseCode = "200", description = "The caller")
    @Extension(name = "x-right", value = "AUTHENTICATED")
    public MeResponse me() {
        Principal principal = callers.principal();
        if (principal instanceof Principal.KeyHolder key) {
            return new MeResponse("API_KEY", null, "api-key:" + key.keyId(), null, null,
                    List.of(new Workspace(key.workspaceId().value(), null, null, null,
                            key.scopes().stream().map(Scope::value).sorted().toList())), false);
        }
        Principal.Person person = (Principal.Person) principal;
        MeQueries.Memberships memberships = me.memberships(person);
        return new MeResponse("PERSON", person.issuer(), person.subject(), person.email(), person.displayName(),
                memberships.newestFirst().stream().map(m -> new Workspace(m.workspace().id().value(),
                        m.workspace().name(), m.member().id().value(), m.member().role(), List.of())).toList(),
                memberships.more());
    }
}
