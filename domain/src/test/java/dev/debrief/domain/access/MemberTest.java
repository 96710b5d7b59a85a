package dev.debrief.domain.access;

import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MemberTest {

    private static final Instant NOW = Instant.parse("2025-03-10T10:00:00Z");
    private static final String ISSUER = "https://id.example.com/realms/acme";

    private final WorkspaceId workspace = WorkspaceId.newId();

    private static Principal.Person person(String email, String displayName) {
        return new Principal.Person(ISSUER, "alice-123", email, true, displayName);
    }

    @Test
    void makesTheFounderAnActiveAdmin() {
        Member founder = Member.founder(workspace, person("alice@acme.test", "Alice Example"), NOW);

        assertThat(founder.role()).isEqualTo(Role.ADMIN);
        assertThat(founder.active()).isTrue();
        assertThat(founder.id()).isNotNull();
        assertThat(founder.workspaceId()).isEqualTo(workspace);
        assertThat(founder.issuer()).isEqualTo(ISSUER);
        assertThat(founder.subject()).isEqualTo("alice-123");
        assertThat(founder.displayName()).isEqualTo("Alice Example");
        assertThat(founder.teamId()).isNull();
        assertThat(founder.createdAt()).isEqualTo(NOW);
        assertThat(founder.removedAt()).isNull();
    }

    @Test
    void storesTheFoundersEmailLowerCasedAndTrimmed() {
        Member founder = Member.founder(workspace, person("  Alice@ACME.Test ", "Alice"), NOW);

        assertThat(founder.email()).isEqualTo("alice@acme.test");
    }

    @Test
    void namesAFounderWithoutDisplayNameAfterTheirEmail() {
        assertThat(Member.founder(workspace, person("Alice@Acme.test", null), NOW).displayName())
                .isEqualTo("alice@acme.test");
        assertThat(Member.founder(workspace, person("alice@acme.test", "   "), NOW).displayName())
                .isEqualTo("alice@acme.test");
    }

    @Test
    void cutsALongEmailStandingInForANameToTwoHundredCharacters() {
        String email = "a".repeat(300) + "@acme.test";

        assertThat(Member.founder(workspace, person(email, null), NOW).displayName()).hasSize(Member.DISPLAY_NAME_MAX);
        assertThat(Member.invite(workspace, email, null, Role.REP, null, NOW).displayName()).hasSize(Member.DISPLAY_NAME_MAX);
    }

    @Test
    void namesAFounderWithoutDisplayNameOrEmailAfterTheirSubject() {
        Member founder = Member.founder(workspace, person(null, null), NOW);

        assertThat(founder.email()).isNull();
        assertThat(founder.displayName()).isEqualTo("alice-123");
    }

    @Test
    void trimsTheFoundersDisplayName() {
        assertThat(Member.founder(workspace, person("alice@acme.test", "  Alice  "), NOW).displayName())
                .isEqualTo("Alice");
    }
}
