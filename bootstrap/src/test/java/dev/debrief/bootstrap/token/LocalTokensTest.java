package dev.debrief.bootstrap.token;

import dev.debrief.bootstrap.db.DatabaseChoice;
import dev.debrief.bootstrap.db.StartupRefused;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which configurations may use local tokens, and what a token says (the packaged proofs: {@code LocalTokensIT}). */
class LocalTokensTest {

    @TempDir
    Path dataDirectory;

    @Test
    void allowsThemOnTheEmbeddedDefaultWithoutAnIdentityProvider() {
        assertThat(refusal(Map.of())).isEmpty();
    }

    @Test
    void refusesThemWithAConfiguredDatabase() {
        assertThat(refusal(Map.of(DatabaseChoice.URL_KEY, "jdbc:postgresql://db:5432/debrief")))
                .hasValueSatisfying(why -> assertThat(why).contains("QUARKUS_DATASOURCE_JDBC_URL"));
    }

    @Test
    void refusesThemWhenTheEmbeddedDatabaseIsSwitchedOff() {
        assertThat(refusal(Map.of(DatabaseChoice.EMBEDDED_KEY, "false")))
                .hasValueSatisfying(why -> assertThat(why).contains("DEBRIEF_EMBEDDED_DB=false"));
    }

    @Test
    void refusesThemWithAnIdentityProvidersKeyOrIssuer() {
        assertThat(refusal(Map.of("mp.jwt.verify.publickey.location", "https://login.example.com/certs")))
                .hasValueSatisfying(why -> assertThat(why).contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertThat(refusal(Map.of("mp.jwt.verify.publickey", "-----BEGIN PUBLIC KEY-----")))
                .hasValueSatisfying(why -> assertThat(why).contains("MP_JWT_VERIFY_PUBLICKEY"));
        assertThat(refusal(Map.of("mp.jwt.verify.issuer", "https://login.example.com/realms/acme")))
                .hasValueSatisfying(why -> assertThat(why).contains("DEBRIEF_OIDC_ISSUER"));
    }

    @Test
    void signsAVerifiedEmailForTheConfiguredAudienceValidForTwelveHours() throws Exception {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dataDirectory);
        Instant now = Instant.now();

        String token = LocalTokens.sign(choice(Map.of()), config(Map.of("mp.jwt.verify.audiences", "debrief-test,other")),
                " Rita@Example.com ", now);

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                        .decode(key.publicKeyPem().replaceAll("-----[A-Z ]+-----", "")))))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(LocalTokens.ISSUER).setExpectedAudience("debrief-test").setRequireExpirationTime()
                .build().processToClaims(token);
        assertThat(claims.getSubject()).isEqualTo("rita@example.com");
        assertThat(claims.getClaimValue("email")).isEqualTo("rita@example.com");
        assertThat(claims.getClaimValue("email_verified")).isEqualTo(true);
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(12 * 3600);
    }

    @Test
    void keepsTheKeyAcrossStartsAndRefusesToSignBeforeTheServiceMadeOne() {
        assertThatThrownBy(() -> LocalTokens.sign(choice(Map.of()), config(Map.of()), "rita@example.com", Instant.now()))
                .isInstanceOf(StartupRefused.class).hasMessageContaining("start the service once");

        LocalSigningKey first = LocalSigningKey.loadOrCreate(dataDirectory);

        assertThat(LocalSigningKey.loadOrCreate(dataDirectory).privateKey()).isEqualTo(first.privateKey());
        assertThat(Files.exists(dataDirectory.resolve(LocalSigningKey.FILE + ".new"))).isFalse();
    }

    @Test
    void refusesSomethingThatIsNoEmailAddress() {
        LocalSigningKey.loadOrCreate(dataDirectory);

        assertThatThrownBy(() -> LocalTokens.sign(choice(Map.of()), config(Map.of()), "rita", Instant.now()))
                .isInstanceOf(StartupRefused.class).hasMessageContaining("is not an email address");
    }

    private java.util.Optional<String> refusal(Map<String, String> values) {
        return LocalTokens.refusal(DatabaseChoice.from(config(values)), config(values));
    }

    private DatabaseChoice choice(Map<String, String> values) {
        return DatabaseChoice.from(config(values));
    }

    private SmallRyeConfig config(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent(DatabaseChoice.DATA_DIRECTORY_KEY, dataDirectory.toString());
        all.putIfAbsent("mp.jwt.verify.issuer", "urn:debrief:unconfigured-issuer");
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(all, "test", 100)).build();
    }
}
