package dev.debrief.adapter.rest.access;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.Principal;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as the application sees it, and (after {@link RightsInterceptor}) their access. */
@RequestScoped
public class Callers {

    @Inject
    SecurityIdentity identity;

    private Access access;

    public Principal principal() {
        Principal.KeyHolder key = identity.getAttribute(ApiKeyIdentityProvider.KEY_HOLDER);
        if (key != null) {
            return key;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            if (token.getSubject() == null || token.getSubject().isBlank() || token.getIssuer() == null) {
                throw new UnauthorizedException("A person's token must name its issuer and subject");
            }
            Object verified = token.getClaim("email_verified");
            String name = token.getClaim("name");
            Object email = token.getClaim("email");
            return new Principal.Person(token.getIssuer(), token.getSubject(), email instanceof String text ? text : null,
                    Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified)),
                    name != null ? name : token.getClaim("preferred_username"));
        }
        throw new UnauthorizedException();
    }

    /** The calling person; API keys get 403, since they act only inside their own workspace. */
    public Principal.Person person() {
        if (principal() instanceof Principal.Person person) {
            return person;
        }
        throw new dev.debrief.domain.shared.Forbidden("Only people can do this; an API key acts only inside its workspace");
    }

    public Access access() {
        if (access == null) {
            throw new IllegalStateException("No @Requires on this operation");
        }
        return access;
    }

    void access(Access access) {
        this.access = access;
    }
}
