package dev.debrief.application.port.out.lesson;

import dev.debrief.application.port.in.lesson.LessonQueries.LessonFilter;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.lesson.Lesson;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface LessonRepository {

    /** Inserts a new lesson or writes a changed one (version + 1), its deals, scope and new history. */
    void save(Lesson lesson);

    Optional<Lesson> findById(WorkspaceId workspaceId, UUID id);

    /** Like findById, holding the row lock until the transaction ends. */
    Optional<Lesson> lockById(WorkspaceId workspaceId, UUID id);

    List<Lesson.StatementChange> history(WorkspaceId workspaceId, UUID id);

    /**
     * Records the member's endorsement (the primary key makes a second one a no-op, also when two
     * arrive at once) and counts it on the lesson only when a row was added. Returns whether it was.
     */
    boolean endorse(WorkspaceId workspaceId, UUID lessonId, MemberId memberId, Instant now);

    /** Removes it, uncounting it only when a row was removed. */
    boolean withdraw(WorkspaceId workspaceId, UUID lessonId, MemberId memberId);

    /** A page after the key (null: the first), by endorsements or by creation time, newest / most first. */
    List<Lesson> page(WorkspaceId workspaceId, LessonFilter filter, boolean byEndorsements, Key after, int limit);

    record Key(long endorsements, Instant createdAt, UUID id) {
    }
}
