package dev.debrief.bootstrap.token;

import dev.debrief.bootstrap.db.OwnerOnlyFile;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The RSA key that signs local person tokens: {@value #FILE} in the embedded data folder, PKCS#8
 * PEM, readable by its owner only (like the superuser's password beside it: whoever may read the
 * folder may read the database anyway). Created by the service on its first start with local
 * tokens; deleting it makes every token it signed worthless at the next start.
 */
record LocalSigningKey(Path file, RSAPrivateCrtKey privateKey) {

    static final String FILE = "local-token-key.pem";
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    /** The stored key, if the service has created one. */
    static Optional<LocalSigningKey> load(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        return OwnerOnlyFile.read(file).map(pem -> new LocalSigningKey(file, parse(file, pem)));
    }

    /** The stored key, or a new one, stored first. Only the service calls this, holding the data folder's lock. */
    static LocalSigningKey loadOrCreate(Path dataDirectory) {
        return load(dataDirectory).orElseGet(() -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                PrivateKey key = generator.generateKeyPair().getPrivate();
                Path file = dataDirectory.resolve(FILE);
                OwnerOnlyFile.write(file, BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                        + "\n" + END + "\n");
                return new LocalSigningKey(file, (RSAPrivateCrtKey) key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Could not generate the local token signing key", e);
            }
        });
    }

    /** The public half, as the PEM smallrye-jwt verifies with. */
    String publicKeyPem() {
        try {
            byte[] encoded = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent())).getEncoded();
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(encoded)
                    + "\n-----END PUBLIC KEY-----";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not derive the public half of " + file, e);
        }
    }

    private static RSAPrivateCrtKey parse(Path file, String pem) {
        String body = pem.replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(file + " holds no RSA private key: delete it and restart the service to get a new one", e);
        }
    }
}
