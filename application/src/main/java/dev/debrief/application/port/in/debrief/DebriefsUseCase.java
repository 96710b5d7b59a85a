package dev.debrief.application.port.in.debrief;

import dev.debrief.application.port.in.lesson.LessonDraft;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.debrief.Debrief;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public interface DebriefsUseCase {

    /**
     * Records a debrief of a lost deal and proposes the lessons it produced, all in one transaction:
     * a lesson that breaks a rule leaves no debrief and no lesson. Each lesson cites the deal (and
     * whatever other deals it names). Its action items are created in the same transaction, for the
     * debriefed deal, naming the debrief.
     */
    Debrief hold(HoldDebriefCommand command);

    List<Debrief> ofDeal(WorkspaceId workspaceId, DealId dealId);

    Debrief get(WorkspaceId workspaceId, DealId dealId, UUID debriefId);

    record HoldDebriefCommand(Access access, DealId dealId, Instant heldAt, String lessonLearned,
                              String howItServesNext, String notes, List<MemberId> participants,
                              List<LessonDraft> lessons,
                              List<dev.debrief.application.port.in.followup.FollowUpsUseCase.ActionItemDraft> actionItems) {

        public HoldDebriefCommand {
            participants = participants == null ? List.of() : List.copyOf(participants);
            lessons = lessons == null ? List.of() : List.copyOf(lessons);
            actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        }

        public HoldDebriefCommand(Access access, DealId dealId, Instant heldAt, String lessonLearned,
                                  String howItServesNext, String notes, List<MemberId> participants,
                                  List<LessonDraft> lessons) {
            this(access, dealId, heldAt, lessonLearned, howItServesNext, notes, participants, lessons, List.of());
        }
    }
}
