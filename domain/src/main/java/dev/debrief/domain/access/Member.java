package dev.debrief.domain.access;

import dev.debrief.domain.shared.Text;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A person's membership of one workspace. Membership lives in Debrief, not in the token: the token
 * says who the person is (issuer + subject), the member says what they may do here.
 */
public final class Member {

    private final MemberId id;
    private final WorkspaceId workspaceId;
    private final String issuer;
    private final String subject;
    private final String email;
    private final String displayName;
    private final Role role;
    private final Instant createdAt;

    private Member(MemberId id, WorkspaceId workspaceId, String issuer, String subject, String email,
                   String displayName, Role role, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.issuer = issuer;
        this.subject = subject;
        this.email = email;
        this.displayName = displayName;
        this.role = Objects.requireNonNull(role);
        this.createdAt = createdAt;
    }

    /** The person who creates a workspace becomes its first ADMIN. */
    public static Member founder(WorkspaceId workspaceId, Principal.Person person, Instant now) {
        return join(workspaceId, person, Role.ADMIN, now);
    }

    public static Member join(WorkspaceId workspaceId, Principal.Person person, Role role, Instant now) {
        String email = person.email() == null ? null : person.email().strip().toLowerCase(Locale.ROOT);
        String name = Text.optional(person.displayName(), 200, "displayName");
        return new Member(MemberId.newId(), workspaceId, person.issuer(), person.subject(), email,
                name != null ? name : email != null ? email : person.subject(), role, now);
    }

    public static Member rehydrate(MemberId id, WorkspaceId workspaceId, String issuer, String subject, String email,
                                   String displayName, Role role, Instant createdAt) {
        return new Member(id, workspaceId, issuer, subject, email, displayName, role, createdAt);
    }

    public MemberId id() { return id; }
    public WorkspaceId workspaceId() { return workspaceId; }
    public String issuer() { return issuer; }
    public String subject() { return subject; }
    public String email() { return email; }
    public String displayName() { return displayName; }
    public Role role() { return role; }
    public Instant createdAt() { return createdAt; }
}
