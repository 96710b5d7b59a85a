package dev.debrief.bootstrap.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * Real tokens for the tests: RS256-signed by a key pair made for this test run (never committed).
 * The private key is kept in target/ so that code loaded by any class loader of the test run signs
 * with the same key the service was configured to trust.
 */
public final class Tokens {

    public static final String ISSUER = "https://idp.test.debrief.dev/realms/test";
    public static final String AUDIENCE = "debrief";
    static final Keys IDENTITY_PROVIDER = Keys.load(Path.of("target", "test-idp-private.pkcs8"));

    private Tokens() {
    }

    /** The PEM of the public key the service must trust to accept {@link #person} tokens. */
    public static String publicKeyPem() {
        return IDENTITY_PROVIDER.publicKeyPem();
    }

    /** A person with a verified email {@code <name>@example.com}; subject {@code sub-<name>}. */
    public static String person(String name) {
        return person(name, UnaryOperator.identity());
    }

    public static String person(String name, UnaryOperator<JwtClaimsBuilder> change) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).audience(AUDIENCE).subject("sub-" + name)
                .claim("email", name + "@example.com").claim("email_verified", true).claim("name", name)
                .expiresIn(600);
        return change.apply(claims).jws().keyId("test").sign(IDENTITY_PROVIDER.privateKey());
    }

    /** Signs with a key pair the service does not trust. */
    public static String personSignedByAnotherKey(String name) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("sub-" + name).expiresIn(600)
                .jws().sign(Keys.generate().privateKey());
    }

    record Keys(PrivateKey privateKey, String publicKeyPem) {

        static Keys generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                return new Keys(pair.getPrivate(), pem(pair));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The run's key pair: made by whoever asks first, read from target/ by everyone after. */
        static synchronized Keys load(Path file) {
            try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                if (!Files.exists(file) || Files.getLastModifiedTime(file).toMillis() < startOfThisJvm()) {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                    KeyPair pair = generator.generateKeyPair();
                    Files.createDirectories(file.getParent());
                    Files.write(file, pair.getPrivate().getEncoded());
                    Files.writeString(Path.of(file + ".pub"), pem(pair));
                }
                PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
                return new Keys(privateKey, Files.readString(Path.of(file + ".pub")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
                throw new IllegalStateException(e);
            }
        }

        private static long startOfThisJvm() {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        }

        private static String pem(KeyPair pair) {
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----";
        }
    }
}
