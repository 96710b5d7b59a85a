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

/** Checks an API key against the database, on a worker thread (never on the I/O thread). */
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
        return context.runBlocking(() -> {
            Principal.KeyHolder holder = keys.authenticate(request.secret())
                    .orElseThrow(() -> new AuthenticationFailedException("Unknown, revoked or expired API key"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("api-key:" + holder.keyId()))
                    .addAttribute(KEY_HOLDER, holder)
                    .build();
        });
    }
}
