package dev.debrief.adapter.rest.access;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeResponse(
            @Schema(description = "PERSON or API_KEY", examples = "PERSON") String kind,
            @Schema(examples = "https://login.example.com/realms/acme") String issuer,
            @Schema(examples = "8d1c4e0a-2f7b-4c3e-9a51-6b0e7d2f1c34") String subject,
            @Schema(examples = "jane@example.com") String email,
            @Schema(examples = "Jane Doe") String displayName,
            @Schema(description = "A person's workspaces and role in each; a key's one workspace and scopes")
            List<Workspace> workspaces) {
    }

    @Schema(name = "MeWorkspace")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Workspace(UUID id, @Schema(examples = "Acme Sales") String name, UUID memberId,
                            @Schema(examples = "ADMIN") Role role, List<String> scopes) {
    }

    @GET
    @Operation(operationId = "getMe", summary = "Who am I: the caller and their workspaces with their role in each")
    @APIResponse(responseCode = "200", description = "The caller")
    @Extension(name = "x-right", value = "AUTHENTICATED")
    public MeResponse me() {
        Principal principal = callers.principal();
        if (principal instanceof Principal.KeyHolder key) {
            return new MeResponse("API_KEY", null, "api-key:" + key.keyId(), null, null,
                    List.of(new Workspace(key.workspaceId().value(), null, null, null,
                            key.scopes().stream().map(Scope::value).sorted().toList())));
        }
        Principal.Person person = (Principal.Person) principal;
        return new MeResponse("PERSON", person.issuer(), person.subject(), person.email(), person.displayName(),
                me.memberships(person).stream().map(m -> new Workspace(m.workspace().id().value(),
                        m.workspace().name(), m.member().id().value(), m.member().role(), null)).toList());
    }
}
