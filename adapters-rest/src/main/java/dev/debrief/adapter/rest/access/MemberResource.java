package dev.debrief.adapter.rest.access;

import dev.debrief.adapter.rest.shared.IdempotentPosts;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.MergePatch;
import dev.debrief.adapter.rest.shared.PathIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
    private final ObjectMapper json;
    private final Validator validator;

    @Inject
    public MemberResource(MembersUseCase members, Callers callers, ObjectMapper json, Validator validator) {
        this.members = members;
        this.callers = callers;
        this.json = json;
        this.validator = validator;
    }

    @Schema(name = "MemberInvitationRequest")
    public record InviteRequest(
            @NotBlank @Size(max = 320) @Schema(description = "Binds to the first token that carries this email, verified", examples = "jane@example.com") String email,
            @Size(max = 200) @Schema(examples = "Jane Doe") String displayName,
            @NotNull @Schema(examples = "REP") Role role,
            @Schema(description = "A team of the workspace") UUID teamId) {
    }

    /** A JSON merge patch (RFC 7396) of a member: what is left out stays as it is; only the team can be cleared. */
    @Schema(name = "MemberPatch", description = "Send only what changes; null takes the member out of their team and can't clear anything else.")
    public record MemberPatch(@Schema(examples = "MANAGER") Role role,
                              @Size(max = 200) @Pattern(regexp = MergePatch.NOT_BLANK, message = "must not be blank")
                              @Schema(pattern = MergePatch.CONTAINS_NON_BLANK, examples = "Jane Doe") String displayName,
                              @Schema(description = "A team of the workspace; null: no team", nullable = true) UUID teamId) {
    }

    @Schema(name = "Member")
    public record MemberResponse(
            UUID id,
            @Schema(description = "Null for a member whose token carried no email", examples = "jane@example.com",
                    maxLength = Callers.MAX_EMAIL, nullable = true) String email,
            @Schema(description = "The name given, or else the person's email or subject", examples = "Jane Doe",
                    maxLength = Member.DISPLAY_NAME_MAX) String displayName,
            @Schema(examples = "REP") Role role,
            @Schema(nullable = true) UUID teamId,
            @Schema(description = "INVITED until the person first signs in, then ACTIVE", examples = "ACTIVE",
                    enumeration = {"INVITED", "ACTIVE"}) String status,
            Instant createdAt) {

        static MemberResponse from(Member m) {
            return new MemberResponse(m.id().value(), m.email(), m.displayName(), m.role(),
                    m.teamId() == null ? null : m.teamId().value(), m.active() ? "ACTIVE" : "INVITED", m.createdAt());
        }
    }

    @Schema(name = "MemberList")
    public record ListResponse(@Schema(maxItems = Member.MAX_PER_WORKSPACE) List<MemberResponse> items) {
    }

    @GET
    @Operation(operationId = "listMembers", summary = "List the workspace's members and open invitations, by name",
            description = "Everyone in one answer, never paged: a workspace has at most 1,000 members and open invitations. "
                    + "Removed members are not listed.")
    @APIResponse(responseCode = "200", description = "The members")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public ListResponse list(@PathParam("workspaceId") String workspaceId) {
        return new ListResponse(members.list(callers.access()).stream().map(MemberResponse::from).toList());
    }

    @POST
    @Operation(operationId = "inviteMember", summary = "Invite a person by email, with a role",
            description = "The invitation binds to the (issuer, subject) of the first request whose token carries this email, verified. "
                    + "A workspace has at most 1,000 members and open invitations (409 member.limit-reached).")
    @APIResponse(responseCode = "201", description = "Invited",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "409", description = "A member of the workspace already has this email (member.email-taken), or it has 1,000 members and invitations (member.limit-reached)")
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
    @Operation(operationId = "changeMember", summary = "Change a member's role, display name or team",
            description = "A JSON merge patch (RFC 7396): send only what changes; teamId null takes the member out of their team, "
                    + "null for role or displayName is 400 body.not-clearable. Demoting the last admin is 409 member.last-admin.")
    @RequestBody(content = {
            @Content(mediaType = Api.MERGE_PATCH, schema = @Schema(implementation = MemberPatch.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberPatch.class))})
    @APIResponse(responseCode = "200", description = "The changed member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, invalid fields, or null for role or displayName (body.not-clearable)")
    @APIResponse(responseCode = "404", description = "No such member")
    @APIResponse(responseCode = "409", description = "This would demote the workspace's last admin (member.last-admin)")
    @APIResponse(responseCode = "422", description = "The team does not resolve")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public MemberResponse change(@PathParam("workspaceId") String workspaceId, @PathParam("memberId") String memberId,
                                 String patch) {
        JsonNode changes = MergePatch.read(json, patch);
        MemberPatch body = MergePatch.typed(json, validator, changes, MemberPatch.class);
        return MemberResponse.from(members.change(callers.access(), id(memberId), body.role(), body.displayName(),
                body.teamId() == null ? null : new VocabularyEntryId(body.teamId()),
                changes.has("teamId") && changes.get("teamId").isNull()));
    }

    @DELETE
    @Path("{memberId}")
    @Operation(operationId = "removeMember", summary = "Remove a member: their access ends, their deals keep naming them",
            description = "Takes effect at once, also for an open invitation; the person can be invited again later as a new membership. "
                    + "The last admin can't be removed (409 member.last-admin).")
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
