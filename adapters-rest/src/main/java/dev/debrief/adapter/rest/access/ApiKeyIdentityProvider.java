package dev.debrief.adapter.rest.access;

import dev.debrief.application.port.in.access.AuthenticateApiKeyUseCase;
import dev.debrief.domain.access.Principal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Checks an API key: on the I/O thread when this instance has the answer in memory, otherwise against the
 * database on a worker thread (never on the I/O thread).
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    static final String KEY_HOLDER = "debrief.key-holder";

    @Inject
    AuthenticateApiKeyUseCase keys;

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        Optional<Principal.KeyHolder> known = keys.authenticateInMemory(request.secret());
        if (known.isPresent()) { // no I/O needed: answer on this thread, without a hop to a worker and back
            return Uni.createFrom().item(identity(known.get()));
        }
        return context.runBlocking(() -> identity(keys.authenticate(request.secret())
                .orElseThrow(() -> new AuthenticationFailedException("Unknown, revoked or expired API key"))));
    }

    private static SecurityIdentity identity(Principal.KeyHolder holder) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("api-key:" + holder.keyId()))
                .addAttribute(KEY_HOLDER, holder)
                .build();
    }
}
