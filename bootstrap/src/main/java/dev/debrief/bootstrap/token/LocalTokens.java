package dev.debrief.bootstrap.token;

import dev.debrief.bootstrap.db.DatabaseChoice;
import dev.debrief.bootstrap.db.StartupRefused;
import io.smallrye.config.SmallRyeConfig;
import org.jboss.logging.Logger;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * People's tokens on a laptop: on the embedded default, and only when no identity provider is
 * configured, the service trusts a signing key of its own, kept in the data folder
 * ({@link LocalSigningKey}), as the issuer {@value #ISSUER}; {@code token <email>} prints a token it
 * signed. The tokens are verified exactly like an identity provider's (smallrye-jwt, with the key's
 * public half as {@code mp.jwt.verify.publickey}): nothing in the request path knows they are local.
 * A configured database or identity provider switches this off for the service and refuses the
 * command ({@link #refusal}), so it can't reach a deployment.
 */
public final class LocalTokens {

    private static final Logger LOG = Logger.getLogger(LocalTokens.class);

    /** The {@code iss} of local tokens; members who joined with one are bound to it. */
    public static final String ISSUER = "urn:debrief:local-tokens";
    /** How long a printed token is valid. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** What application.properties gives {@code mp.jwt.verify.issuer} while DEBRIEF_OIDC_ISSUER is unset. */
    private static final String UNCONFIGURED_ISSUER = "urn:debrief:unconfigured-issuer";
    /** The settings that name an identity provider's key, with the variable ops set for each. */
    private static final List<Map.Entry<String, String>> IDENTITY_PROVIDER_KEYS = List.of(
            Map.entry("mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
            Map.entry("mp.jwt.verify.publickey", "MP_JWT_VERIFY_PUBLICKEY"));
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private LocalTokens() {
    }

    /**
     * Why this configuration may not use local tokens, or empty when it may: only the embedded
     * default without an identity provider. One sentence, for one ERROR line.
     */
    public static Optional<String> refusal(DatabaseChoice database, SmallRyeConfig config) {
        String only = "Local person tokens are for the embedded default only, and this configuration ";
        if (database.configuredUrl().isPresent()) {
            return Optional.of(only + "names a database (QUARKUS_DATASOURCE_JDBC_URL): people sign in with tokens of "
                    + "your identity provider (MP_JWT_VERIFY_PUBLICKEY_LOCATION)");
        }
        if (!database.embeddedAllowed()) {
            return Optional.of(only + "switches it off (DEBRIEF_EMBEDDED_DB=false)");
        }
        return identityProvider(config).map(variable -> only + "names an identity provider (" + variable
                + "): ask it for a token");
    }

    /** The variable through which an identity provider is configured (its key, or its issuer), if one is. */
    static Optional<String> identityProvider(SmallRyeConfig config) {
        for (Map.Entry<String, String> key : IDENTITY_PROVIDER_KEYS) {
            if (config.getOptionalValue(key.getKey(), String.class).filter(v -> !v.isBlank()).isPresent()) {
                return Optional.of(key.getValue());
            }
        }
        return config.getOptionalValue("mp.jwt.verify.issuer", String.class)
                .filter(issuer -> !issuer.isBlank() && !issuer.equals(UNCONFIGURED_ISSUER))
                .map(issuer -> "DEBRIEF_OIDC_ISSUER");
    }

    /**
     * The service, before Quarkus starts, on the embedded default (the data folder is locked by it):
     * trusts the local key, creating it on the first start, unless the configuration refuses.
     */
    public static void trustIfAllowed(DatabaseChoice database, SmallRyeConfig config, Path dataDirectory) {
        if (refusal(database, config).isPresent()) {
            return;
        }
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dataDirectory);
        System.setProperty("mp.jwt.verify.publickey", key.publicKeyPem());
        System.setProperty("mp.jwt.verify.issuer", ISSUER);
        LOG.infof("Person tokens: the local key in %s signs them (embedded default, no identity provider); print one with "
                + "'java -jar quarkus-run.jar token <email>'", key.file());
    }

    /**
     * The {@code token} command: a person's token for {@code email}, signed with the local key of the
     * data folder the configuration names. Refused (one line, {@link StartupRefused}) outside the
     * embedded default, and before the service has created the key.
     */
    public static String sign(DatabaseChoice database, SmallRyeConfig config, String email, Instant now) {
        refusal(database, config).ifPresent(why -> {
            throw new StartupRefused(why);
        });
        String address = email.strip().toLowerCase(Locale.ROOT);
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new StartupRefused("'" + email + "' is not an email address: java -jar quarkus-run.jar token alice@example.com");
        }
        Path directory = database.embeddedDataDirectory().toAbsolutePath().normalize();
        LocalSigningKey key = LocalSigningKey.load(directory).orElseThrow(() -> new StartupRefused(
                "There is no local signing key in " + directory + " yet: start the service once (with the same DEBRIEF_DATA_DIR), "
                        + "it creates one, then run this again"));
        String audience = config.getOptionalValue("mp.jwt.verify.audiences", String.class).orElse("debrief").split(",")[0].strip();
        return sign(key, address, audience, now);
    }

    static String sign(LocalSigningKey key, String email, String audience, Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(audience);
        claims.setSubject(email);
        claims.setClaim("email", email);
        claims.setClaim("email_verified", true);
        claims.setClaim("name", email.substring(0, email.indexOf('@')));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(LIFETIME).getEpochSecond()));
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a local token", e);
        }
    }
}
