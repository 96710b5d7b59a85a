package dev.debrief.bootstrap.db;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The password of the embedded PostgreSQL's superuser {@code postgres}: 256 random bits, generated
 * on the first start and kept in {@code superuser.password} inside the data folder, readable by its
 * owner only (0600; created so, never widened). It belongs with the data it opens: copy or back up
 * the folder and the password goes along. Never logged.
 */
final class SuperuserPassword {

    private static final Logger LOG = Logger.getLogger(SuperuserPassword.class);
    static final String FILE = "superuser.password";
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private SuperuserPassword() {
    }

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve(FILE);
    }

    /** The stored password, if there is one; a file others may read is narrowed to 0600 first. */
    static Optional<String> read(Path dataDirectory) {
        Path file = file(dataDirectory);
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (!Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(OWNER_READ_WRITE)) {
                LOG.warnf("%s was readable by others: narrowed to 0600", file);
                Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            return password.isEmpty() ? Optional.empty() : Optional.of(password);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** Generates a new password and stores it durably (written, synced, then renamed into place). */
    static String create(Path dataDirectory) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path file = file(dataDirectory);
        Path written = dataDirectory.resolve(FILE + ".new");
        try {
            Files.deleteIfExists(written);
            try (FileChannel channel = FileChannel.open(written, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE))) {
                channel.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dataDirectory);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
