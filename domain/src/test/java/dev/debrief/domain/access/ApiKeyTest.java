package dev.debrief.domain.access;

import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static dev.debrief.domain.shared.DomainAssertions.assertConflict;
import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2025-03-10T10:00:00Z");
    private static final String SECRET_SHAPE = "dbk_[a-km-z2-9]{8}_[A-Za-z0-9_-]{43}";

    private final WorkspaceId workspace = WorkspaceId.newId();

    private ApiKey.Issued issue(Instant expiresAt) {
        return ApiKey.issue(workspace, "CRM sync", Set.of(Scope.DEALS_READ, Scope.DEALS_WRITE), expiresAt, NOW);
    }

    /** Another well-formed secret that shares the key's prefix but not its random part. */
    private static String samePrefixOtherSecret(ApiKey.Issued issued) {
        String random = issued.secret().substring(13);
        char last = random.charAt(42) == 'A' ? 'B' : 'A';
        return "dbk_" + issued.key().prefix() + "_" + random.substring(0, 42) + last;
    }

    @Test
    void issuesASecretShapedDbkPrefixRandom() {
        ApiKey.Issued issued = issue(null);

        assertThat(issued.secret()).matches(SECRET_SHAPE).hasSize(56);
        assertThat(issued.secret()).startsWith("dbk_" + issued.key().prefix() + "_");
        assertThat(ApiKey.prefixOf(issued.secret())).isEqualTo(issued.key().prefix());
    }

    @Test
    void issuesAKeyWithEveryFieldSet() {
        Instant expiresAt = NOW.plus(Duration.ofDays(90));

        ApiKey key = ApiKey.issue(workspace, "  CRM sync  ", EnumSet.of(Scope.ADMIN), expiresAt, NOW).key();

        assertThat(key.id()).isNotNull();
        assertThat(key.workspaceId()).isEqualTo(workspace);
        assertThat(key.name()).isEqualTo("CRM sync");
        assertThat(key.prefix()).hasSize(8);
        assertThat(key.scopes()).containsExactly(Scope.ADMIN);
        assertThat(key.expiresAt()).isEqualTo(expiresAt);
        assertThat(key.revokedAt()).isNull();
        assertThat(key.createdAt()).isEqualTo(NOW);
        assertThat(key.holder()).isEqualTo(new Principal.KeyHolder(key.id(), workspace, Set.of(Scope.ADMIN)));
    }

    @Test
    void keepsOnlyTheSecretsSha256() {
        ApiKey.Issued issued = issue(null);

        assertThat(issued.key().secretHash()).hasSize(32).isEqualTo(ApiKey.sha256(issued.secret()));
        issued.key().secretHash()[0] ^= 1;
        assertThat(issued.key().accepts(issued.secret(), NOW)).as("secretHash() hands out a copy").isTrue();
    }

    @Test
    void issuesADifferentPrefixAndSecretEveryTime() {
        Set<String> prefixes = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ApiKey.Issued issued = issue(null);
            prefixes.add(issued.key().prefix());
            secrets.add(issued.secret());
        }

        assertThat(prefixes).hasSize(50);
        assertThat(secrets).hasSize(50);
    }

    @Test
    void acceptsItsOwnSecret() {
        ApiKey.Issued issued = issue(null);

        assertThat(issued.key().accepts(issued.secret(), NOW)).isTrue();
        assertThat(issued.key().accepts(issued.secret(), NOW.plus(Duration.ofDays(3650)))).isTrue();
    }

    @Test
    void refusesAnotherSecretWithTheSamePrefix() {
        ApiKey.Issued issued = issue(null);
        String other = samePrefixOtherSecret(issued);

        assertThat(ApiKey.prefixOf(other)).isEqualTo(issued.key().prefix());
        assertThat(issued.key().accepts(other, NOW)).isFalse();
    }

    @Test
    void refusesAnotherKeysSecret() {
        ApiKey.Issued mine = issue(null);
        ApiKey.Issued theirs = issue(null);

        assertThat(mine.key().accepts(theirs.secret(), NOW)).isFalse();
    }

    @Test
    void refusesItsSecretOnceRevoked() {
        ApiKey.Issued issued = issue(null);

        issued.key().revoke(NOW.plusSeconds(60));

        assertThat(issued.key().revokedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(issued.key().accepts(issued.secret(), NOW.plusSeconds(61))).isFalse();
    }

    @Test
    void acceptsItsSecretUntilJustBeforeItExpires() {
        Instant expiresAt = NOW.plus(Duration.ofDays(30));
        ApiKey.Issued issued = issue(expiresAt);

        assertThat(issued.key().accepts(issued.secret(), expiresAt.minusMillis(1))).isTrue();
        assertThat(issued.key().accepts(issued.secret(), expiresAt)).as("at expiresAt").isFalse();
        assertThat(issued.key().accepts(issued.secret(), expiresAt.plusSeconds(1))).as("after expiresAt").isFalse();
    }

    @Test
    void refusesToBeRevokedTwice() {
        ApiKey key = issue(null).key();
        key.revoke(NOW.plusSeconds(60));

        assertConflict("api-key.already-revoked", () -> key.revoke(NOW.plusSeconds(120)));
        assertThat(key.revokedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void requiresAtLeastOneScope() {
        assertViolation("api-key.scopes-required", "scopes",
                () -> ApiKey.issue(workspace, "CRM sync", Set.of(), null, NOW));
        assertViolation("api-key.scopes-required", "scopes",
                () -> ApiKey.issue(workspace, "CRM sync", null, null, NOW));
    }

    @Test
    void requiresAnExpiryInTheFuture() {
        assertViolation("api-key.expiry-in-past", "expiresAt", () -> issue(NOW));
        assertViolation("api-key.expiry-in-past", "expiresAt", () -> issue(NOW.minusSeconds(1)));
        assertThat(issue(NOW.plusSeconds(1)).key().expiresAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void requiresAName() {
        assertViolation("value.required", "name", () -> ApiKey.issue(workspace, "  ", Set.of(Scope.ADMIN), null, NOW));
        assertViolation("value.required", "name", () -> ApiKey.issue(workspace, null, Set.of(Scope.ADMIN), null, NOW));
    }

    @Test
    void findsNoPrefixInAMalformedSecret() {
        String valid = issue(null).secret();

        assertThat(ApiKey.prefixOf(null)).isNull();
        assertThat(ApiKey.prefixOf("")).isNull();
        assertThat(ApiKey.prefixOf("dbk_")).isNull();
        assertThat(ApiKey.prefixOf(valid.substring(0, valid.length() - 1))).as("one short").isNull();
        assertThat(ApiKey.prefixOf(valid + "x")).as("one long").isNull();
        assertThat(ApiKey.prefixOf("xyz_" + valid.substring(4))).as("foreign start").isNull();
        assertThat(ApiKey.prefixOf(valid.substring(0, 12) + "-" + valid.substring(13))).as("no separator").isNull();
        assertThat(ApiKey.prefixOf("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl")).as("a JWT").isNull();
    }
}
