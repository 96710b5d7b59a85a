package dev.debrief.bootstrap.db;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The password of the embedded PostgreSQL's superuser {@code postgres}: 256 random bits, generated
 * on the first start and kept in {@code superuser.password} inside the data folder, readable by its
 * owner only ({@link OwnerOnlyFile}). It belongs with the data it opens: copy or back up the folder
 * and the password goes along. Never logged.
 */
final class SuperuserPassword {

    static final String FILE = "superuser.password";

    private SuperuserPassword() {
    }

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve(FILE);
    }

    /** The stored password, if there is one; a file others may read is narrowed to 0600 first. */
    static Optional<String> read(Path dataDirectory) {
        return OwnerOnlyFile.read(file(dataDirectory)).map(String::strip).filter(password -> !password.isEmpty());
    }

    /** Generates a new password and stores it durably (written, synced, then renamed into place). */
    static String create(Path dataDirectory) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OwnerOnlyFile.write(file(dataDirectory), password + "\n");
        return password;
    }

    static void syncDirectory(Path directory) throws IOException {
        OwnerOnlyFile.syncDirectory(directory);
    }
}
