package dev.debrief.domain.access;

import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.shared.Text;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A person's membership of one workspace. Membership lives in Debrief, not in the token: the token
 * says who the person is (issuer + subject), the member says what they may do here. An admin
 * invites by email; the invitation binds to the (issuer, subject) of the first token that carries
 * that email, verified. Removing a member keeps the row (deals still name their owner) but ends
 * their access.
 */
public final class Member {

    private final MemberId id;
    private final WorkspaceId workspaceId;
    private String issuer;
    private String subject;
    private final String email;
    private String displayName;
    private Role role;
    private VocabularyEntryId teamId;
    private final Instant createdAt;
    private Instant removedAt;

    private Member(MemberId id, WorkspaceId workspaceId, String issuer, String subject, String email,
                   String displayName, Role role, VocabularyEntryId teamId, Instant createdAt, Instant removedAt) {
        this.id = Objects.requireNonNull(id);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.issuer = issuer;
        this.subject = subject;
        this.email = email;
        this.displayName = displayName;
        this.role = Objects.requireNonNull(role);
        this.teamId = teamId;
        this.createdAt = createdAt;
        this.removedAt = removedAt;
    }

    /** Members a workspace has at most, open invitations included (removed ones don't count): they are listed whole. */
    public static final int MAX_PER_WORKSPACE = 1000;

    /**
     * Refuses a new invitation when the workspace is full ({@code member.limit-reached}).
     *
     * @param members how many members the workspace has, open invitations included, removed ones not
     */
    public static void requireRoom(int members) {
        if (members >= MAX_PER_WORKSPACE) {
            throw new StateConflict("member.limit-reached", "This workspace has " + members
                    + " members and open invitations; it holds at most " + MAX_PER_WORKSPACE + ": remove someone first");
        }
    }

    /** The longest display name: the name given, or the email or subject standing in for it, cut. */
    public static final int DISPLAY_NAME_MAX = 200;

    /** The person who creates a workspace becomes its first ADMIN. */
    public static Member founder(WorkspaceId workspaceId, Principal.Person person, Instant now) {
        return join(workspaceId, person, Role.ADMIN, now);
    }

    public static Member join(WorkspaceId workspaceId, Principal.Person person, Role role, Instant now) {
        String email = normalised(person.email());
        String name = Text.optional(person.displayName(), 200, "displayName");
        return new Member(MemberId.newId(), workspaceId, person.issuer(), person.subject(), email,
                name != null ? name : fallbackName(email != null ? email : person.subject()), role, null, now, null);
    }

    /** An admin's invitation: bound to a person later, by their verified email. */
    public static Member invite(WorkspaceId workspaceId, String email, String displayName, Role role,
                                VocabularyEntryId teamId, Instant now) {
        String checked = normalised(email);
        if (checked == null || !checked.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || checked.length() > 320) {
            throw new RuleViolation("member.email-invalid", "email must be an email address", "email");
        }
        if (role == null) {
            throw new RuleViolation("value.required", "role is required", "role");
        }
        String name = Text.optional(displayName, 200, "displayName");
        return new Member(MemberId.newId(), workspaceId, null, null, checked, name != null ? name : fallbackName(checked), role,
                teamId, now, null);
    }

    public static Member rehydrate(MemberId id, WorkspaceId workspaceId, String issuer, String subject, String email,
                                   String displayName, Role role, VocabularyEntryId teamId, Instant createdAt,
                                   Instant removedAt) {
        return new Member(id, workspaceId, issuer, subject, email, displayName, role, teamId, createdAt, removedAt);
    }

    /** Whether this invitation may be claimed by the person: their token carries its email, verified. */
    public boolean invites(Principal.Person person) {
        return subject == null && removedAt == null && person.emailVerified() && email != null
                && email.equals(normalised(person.email()));
    }

    public void bind(Principal.Person person) {
        if (!invites(person)) {
            throw new IllegalStateException("Only an open invitation can be bound, by a verified email");
        }
        this.issuer = person.issuer();
        this.subject = person.subject();
        if (displayName.equals(email) && person.displayName() != null && !person.displayName().isBlank()) {
            this.displayName = Text.optional(person.displayName(), 200, "displayName");
        }
    }

    public void change(Role newRole, String newDisplayName, VocabularyEntryId newTeamId) {
        if (newRole != null) {
            this.role = newRole;
        }
        if (newDisplayName != null) {
            this.displayName = Text.required(newDisplayName, 200, "displayName");
        }
        if (newTeamId != null) {
            this.teamId = newTeamId;
        }
    }

    /** No team any more. */
    public void leaveTeam() {
        this.teamId = null;
    }

    public void remove(Instant now) {
        this.removedAt = now;
    }

    /** A member who can act: bound to a person and not removed. */
    public boolean active() {
        return subject != null && removedAt == null;
    }

    /** An email or a subject standing in for a name, cut to the {@value #DISPLAY_NAME_MAX} characters a name may have. */
    private static String fallbackName(String text) {
        if (text.length() <= DISPLAY_NAME_MAX) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(DISPLAY_NAME_MAX - 1)) ? DISPLAY_NAME_MAX - 1 : DISPLAY_NAME_MAX);
    }

    private static String normalised(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public MemberId id() { return id; }
    public WorkspaceId workspaceId() { return workspaceId; }
    public String issuer() { return issuer; }
    public String subject() { return subject; }
    public String email() { return email; }
    public String displayName() { return displayName; }
    public Role role() { return role; }
    public VocabularyEntryId teamId() { return teamId; }
    public Instant createdAt() { return createdAt; }
    public Instant removedAt() { return removedAt; }
}
