package dev.debrief.domain.access;

import dev.debrief.domain.workspace.WorkspaceId;

import java.util.Set;

/** Who authenticated: a person (a verified token of the company's identity provider) or an API key. */
public sealed interface Principal {

    /** A person, identified by the token's issuer and subject. */
    record Person(String issuer, String subject, String email, boolean emailVerified, String displayName)
            implements Principal {
    }

    /** An integration partner's key: it acts only inside its workspace and only within its scopes. */
    record KeyHolder(ApiKeyId keyId, WorkspaceId workspaceId, Set<Scope> scopes) implements Principal {
        public KeyHolder {
            scopes = Set.copyOf(scopes);
        }
    }
}
