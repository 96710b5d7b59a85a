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

    /**
     * The longest claims of a person's token the service takes (the contract's limits for what it echoes): a
     * subject is at most 255 characters (OpenID Connect Core 1.0, section 2), an email 320 (RFC 3696), an issuer
     * URL 500 (the columns that keep them). A longer one is a 401. A display name is cut to {@value #MAX_DISPLAY_NAME} characters instead.
     */
    public static final int MAX_ISSUER = 500;
    public static final int MAX_SUBJECT = 255;
    public static final int MAX_EMAIL = 320;
    public static final int MAX_DISPLAY_NAME = 200;

    private Access access;

    private static String displayName(String name) {
        if (name == null) {
            return null;
        }
        String stripped = name.strip();
        return stripped.length() <= MAX_DISPLAY_NAME ? stripped
                : stripped.substring(0, Character.isHighSurrogate(stripped.charAt(MAX_DISPLAY_NAME - 1)) ? MAX_DISPLAY_NAME - 1 : MAX_DISPLAY_NAME);
    }

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
            String address = email instanceof String text ? text : null;
            if (token.getIssuer().length() > MAX_ISSUER || token.getSubject().length() > MAX_SUBJECT
                    || address != null && address.length() > MAX_EMAIL) {
                throw new UnauthorizedException("A person's token names an issuer of at most " + MAX_ISSUER
                        + " characters, a subject of at most " + MAX_SUBJECT + " and an email of at most " + MAX_EMAIL);
            }
            return new Principal.Person(token.getIssuer(), token.getSubject(), address,
                    Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified)),
                    displayName(name != null ? name : token.getClaim("preferred_username")));
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
