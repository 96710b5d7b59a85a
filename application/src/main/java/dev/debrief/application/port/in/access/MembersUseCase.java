package dev.debrief.application.port.in.access;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.vocabulary.VocabularyEntryId;

import java.util.List;

/** An admin's management of the workspace's members (listing is open to every member). */
public interface MembersUseCase {

    Member invite(Access access, String email, String displayName, Role role, VocabularyEntryId teamId);

    /**
     * Null leaves a part as it is; {@code leavesTeam} takes the member out of their team (then {@code teamId} must be
     * null). Demoting the last active ADMIN is a 409.
     */
    Member change(Access access, MemberId id, Role role, String displayName, VocabularyEntryId teamId, boolean leavesTeam);

    /** Ends the member's access; their deals keep naming them. Removing the last active ADMIN is a 409. */
    void remove(Access access, MemberId id);

    List<Member> list(Access access);
}
