package dev.debrief.adapter.rest.debrief;

import dev.debrief.adapter.rest.shared.IdempotentPosts;
import dev.debrief.adapter.rest.access.Callers;
import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.application.port.in.debrief.DebriefsUseCase;
import dev.debrief.application.port.in.debrief.DebriefsUseCase.HoldDebriefCommand;
import dev.debrief.application.port.in.followup.FollowUpsUseCase;
import dev.debrief.application.port.in.lesson.LessonDraft;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.debrief.Debrief;
import dev.debrief.domain.lesson.LessonScope;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Debriefs of a lost deal: the coaching questions, who took part, and the lessons they produced. */
@Authenticated
@Path(Api.WORKSPACE + "/deals/{dealId}/debriefs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Debriefs", description = "Coaching a lost deal, and the lessons it produces")
@IdempotentPosts
public class DebriefResource {

    private final DebriefsUseCase debriefs;
    private final Callers callers;

    @Inject
    public DebriefResource(DebriefsUseCase debriefs, Callers callers) {
        this.debriefs = debriefs;
        this.callers = callers;
    }

    @POST
    @Operation(operationId = "holdDebrief", summary = "Record a debrief of a lost deal, with the lessons it produced",
            description = "All or nothing: a lesson that breaks a rule (e.g. phrasing.prohibition at lessons[0].statement) leaves no debrief and no lesson.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DebriefResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such workspace or deal (deal.not-found)")
    @APIResponse(responseCode = "409", description = "The deal is not LOST (debrief.deal-not-lost), or already has 50 debriefs (debrief.limit-reached)")
    @APIResponse(responseCode = "422", description = "A participant who isn't a member (reference.not-found), a lesson phrased as a prohibition (phrasing.prohibition)…")
    @Extension(name = "x-right", value = "WRITE_DEALS")
    @Extension(name = "x-relation", value = "owner")
    @Requires(Right.WRITE_DEALS)
    public Response hold(@PathParam("workspaceId") String workspaceId, @PathParam("dealId") String dealId,
                         @Valid @NotNull DebriefRequest body, @Context UriInfo uri) {
        DealId deal = dealId(dealId);
        List<LessonDraft> lessons = body.lessons() == null ? List.of() : body.lessons().stream()
                .map(l -> new LessonDraft(l.statement(), l.rationale(),
                        l.otherDealIds() == null ? List.of() : l.otherDealIds().stream().map(DealId::new).toList(),
                        l.categories() == null ? Set.of() : Set.copyOf(l.categories()),
                        new LessonScope(entries(l.segmentIds()), entries(l.stageIds()), entries(l.personaIds()))))
                .toList();
        Debrief debrief = debriefs.hold(new HoldDebriefCommand(callers.access(), deal, body.heldAt(), body.lessonLearned(),
                body.howItServesNext(), body.notes(), body.participantIds().stream().map(MemberId::new).toList(), lessons,
                body.actionItems() == null ? List.of() : body.actionItems().stream()
                        .map(a -> new FollowUpsUseCase.ActionItemDraft(a.text(),
                                a.assigneeId() == null ? null : new MemberId(a.assigneeId()), a.dueOn(), deal, a.lessonId()))
                        .toList()));
        return Response.created(uri.getAbsolutePathBuilder().path(debrief.id().toString()).build())
                .entity(DebriefResponse.from(debrief)).build();
    }

    private static Set<VocabularyEntryId> entries(List<UUID> ids) {
        return ids == null ? Set.of() : ids.stream().map(VocabularyEntryId::new).collect(Collectors.toSet());
    }

    @GET
    @Operation(operationId = "listDebriefs", summary = "The deal's debriefs, most recently held first",
            description = "Every debrief of the deal (a deal holds at most 50), with the lessons and action items each produced; "
                    + "one answer, no pages.")
    @APIResponse(responseCode = "200", description = "The debriefs")
    @APIResponse(responseCode = "404", description = "No such workspace or deal (deal.not-found)")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public DebriefResponse.ListResponse list(@PathParam("workspaceId") String workspaceId, @PathParam("dealId") String dealId) {
        return new DebriefResponse.ListResponse(debriefs.ofDeal(PathIds.workspace(workspaceId), dealId(dealId)).stream()
                .map(DebriefResponse::from).toList());
    }

    @GET
    @Path("{debriefId}")
    @Operation(operationId = "getDebrief", summary = "Get a debrief",
            description = "One debrief of the deal: the two coaching answers, notes, participants, and the lessons and action items it produced.")
    @APIResponse(responseCode = "200", description = "The debrief",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DebriefResponse.class)))
    @APIResponse(responseCode = "404", description = "No such workspace, deal or debrief (debrief.not-found)")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public DebriefResponse get(@PathParam("workspaceId") String workspaceId, @PathParam("dealId") String dealId,
                               @PathParam("debriefId") String debriefId) {
        return DebriefResponse.from(debriefs.get(PathIds.workspace(workspaceId), dealId(dealId),
                PathIds.uuid(debriefId, "debrief.not-found", "debrief")));
    }

    private static DealId dealId(String text) {
        return new DealId(PathIds.uuid(text, "deal.not-found", "deal"));
    }
}
