package dev.debrief.adapter.rest.access;

import dev.debrief.adapter.rest.shared.IdempotentPosts;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.application.port.in.access.MembersUseCase;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Authenticated
@Path(Api.WORKSPACE + "/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "The people of a workspace and their roles")
@IdempotentPosts
public class MemberResource {

    private final MembersUseCase members;
    private final Callers callers;

    @Inject
    public MemberResource(MembersUseCase members, Callers callers) {
        this.members = members;
        this.callers = callers;
    }

    @Schema(name = "MemberInvitation")
    public record InviteRequest(
            @NotBlank @Size(max = 320) @Schema(description = "Binds to the first token that carries this email, verified", examples = "jane@example.com") String email,
            @Size(max = 200) @Schema(examples = "Jane Doe") String displayName,
            @NotNull @Schema(examples = "REP") Role role,
            @Schema(description = "A team of the workspace") UUID teamId) {
    }

    @Schema(name = "MemberChange", description = "Omitted fields stay as they are.")
    public record ChangeRequest(@Schema(examples = "MANAGER") Role role,
                                @Size(min = 1, max = 200) @Schema(examples = "Jane Doe") String displayName,
                                UUID teamId) {
    }

    @Schema(name = "Member")
    public record MemberResponse(
            UUID id,
            @Schema(examples = "jane@example.com") String email,
            @Schema(examples = "Jane Doe") String displayName,
            @Schema(examples = "REP") Role role,
            UUID teamId,
            @Schema(description = "INVITED until the person first signs in, then ACTIVE", examples = "ACTIVE") String status,
            Instant createdAt) {

        static MemberResponse from(Member m) {
            return new MemberResponse(m.id().value(), m.email(), m.displayName(), m.role(),
                    m.teamId() == null ? null : m.teamId().value(), m.active() ? "ACTIVE" : "INVITED", m.createdAt());
        }
    }

    @Schema(name = "MemberList")
    public record ListResponse(List<MemberResponse> items) {
    }

    @GET
    @Operation(operationId = "listMembers", summary = "List the workspace's members and open invitations, by name")
    @APIResponse(responseCode = "200", description = "The members")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public ListResponse list(@PathParam("workspaceId") String workspaceId) {
        return new ListResponse(members.list(callers.access()).stream().map(MemberResponse::from).toList());
    }

    @POST
    @Operation(operationId = "inviteMember", summary = "Invite a person by email, with a role",
            description = "The invitation binds to the (issuer, subject) of the first request whose token carries this email, verified.")
    @APIResponse(responseCode = "201", description = "Invited",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "409", description = "A member of the workspace already has this email (member.email-taken)")
    @APIResponse(responseCode = "422", description = "Not an email address, or the team does not resolve")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public Response invite(@PathParam("workspaceId") String workspaceId, @Valid @NotNull InviteRequest body,
                           @Context UriInfo uri) {
        Member member = members.invite(callers.access(), body.email(), body.displayName(), body.role(),
                body.teamId() == null ? null : new VocabularyEntryId(body.teamId()));
        return Response.created(uri.getAbsolutePathBuilder().path(member.id().toString()).build())
                .entity(MemberResponse.from(member)).build();
    }

    @PATCH
    @Path("{memberId}")
    @Consumes({Api.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "changeMember", summary = "Change a member's role, display name or team")
    @APIResponse(responseCode = "200", description = "The changed member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such member")
    @APIResponse(responseCode = "409", description = "This would demote the workspace's last admin (member.last-admin)")
    @APIResponse(responseCode = "422", description = "The team does not resolve")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public MemberResponse change(@PathParam("workspaceId") String workspaceId, @PathParam("memberId") String memberId,
                                 @Valid @NotNull ChangeRequest body) {
        return MemberResponse.from(members.change(callers.access(), id(memberId), body.role(), body.displayName(),
                body.teamId() == null ? null : new VocabularyEntryId(body.teamId())));
    }

    @DELETE
    @Path("{memberId}")
    @Operation(operationId = "removeMember", summary = "Remove a member: their access ends, their deals keep naming them")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such member")
    @APIResponse(responseCode = "409", description = "This is the workspace's last admin (member.last-admin)")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public Response remove(@PathParam("workspaceId") String workspaceId, @PathParam("memberId") String memberId) {
        members.remove(callers.access(), id(memberId));
        return Response.noContent().build();
    }

    private static MemberId id(String text) {
        return new MemberId(PathIds.uuid(text, "member.not-found", "member"));
    }
}
