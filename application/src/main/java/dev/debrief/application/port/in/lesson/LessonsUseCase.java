package dev.debrief.application.port.in.lesson;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.lesson.Lesson;

import java.util.UUID;
import java.util.function.UnaryOperator;

/** Writing lessons: propose, revise, adopt, retire, endorse and withdraw an endorsement. */
public interface LessonsUseCase {

    Lesson propose(Access access, LessonDraft draft);

    Lesson revise(Access access, UUID lessonId, long expectedVersion, UnaryOperator<LessonDraft> change);

    Lesson adopt(Access access, UUID lessonId, long expectedVersion);

    Lesson retire(Access access, UUID lessonId, long expectedVersion);

    /** The calling member endorses the lesson; a second time changes nothing. */
    Lesson endorse(Access access, UUID lessonId);

    /** The calling member withdraws their endorsement; without one, nothing changes. */
    Lesson withdraw(Access access, UUID lessonId);
}
