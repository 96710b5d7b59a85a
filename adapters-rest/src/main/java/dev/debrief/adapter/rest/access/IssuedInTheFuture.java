package dev.debrief.adapter.rest.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;

/**
 * Refuses a person's token issued ({@code iat}) later than now plus the clock skew allowed for {@code nbf} and
 * {@code exp} ({@code smallrye.jwt.verify.clock.skew}, 30 s): smallrye-jwt checks that {@code iat} is before
 * {@code exp} but not that it has passed, and a token from the future is a forged one or one from an issuer
 * whose clock is wrong. A token without {@code iat} is left to smallrye-jwt's rules.
 */
@ApplicationScoped
public class IssuedInTheFuture implements SecurityIdentityAugmentor {

    private final Clock clock;
    private final long skewSeconds;

    @Inject
    public IssuedInTheFuture(Clock clock, @ConfigProperty(name = "smallrye.jwt.verify.clock.skew", defaultValue = "60") long skewSeconds) {
        this.clock = clock;
        this.skewSeconds = skewSeconds;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Long issuedAt = seconds(token.getClaim(Claims.iat.name()));
            long latest = clock.instant().getEpochSecond() + skewSeconds;
            if (issuedAt != null && issuedAt > latest) {
                return Uni.createFrom().failure(new AuthenticationFailedException(
                        "The token's iat " + issuedAt + " is more than " + skewSeconds + " s in the future"));
            }
        }
        return Uni.createFrom().item(identity);
    }

    private static Long seconds(Object claim) {
        if (claim instanceof Number number) {
            return number.longValue();
        }
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        return null;
    }
}
