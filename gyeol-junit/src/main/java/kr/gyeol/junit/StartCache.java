package kr.gyeol.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What makes a test JVM's gateway start in a few seconds instead of ten, kept per gateway
 * jar and JDK under {@code ~/.cache/gyeol/kit} (the system property
 * {@code gyeol.kit.cache-dir} or the environment variable {@code GYEOL_KIT_CACHE}
 * elsewhere; {@code -Dgyeol.kit.cache=off} starts without it):
 * <ul>
 * <li>the jar extracted ({@code java -Djarmode=tools extract}), so its classes come from
 * plain jars;</li>
 * <li>on JDK 25 and later, an ahead-of-time cache of the gateway's start (JEP 483, 514:
 * its classes loaded and linked), recorded once by a gateway that starts and stops;</li>
 * <li>that gateway's data folder, a database cluster initialised and migrated, copied for
 * each start instead of {@code initdb}.</li>
 * </ul>
 * The first test JVM of a new jar prepares them under a file lock (other JVMs wait, then
 * use them); a preparation that was cut short leaves only {@code .partial} folders, which
 * the next one deletes.
 */
final class StartCache {

    private static final Duration PREPARE_LIMIT = Duration.ofSeconds(240);

    /** Entries of other jars untouched this long are deleted. */
    private static final Duration UNUSED = Duration.ofDays(7);

    /** How many entries are kept, this one included. */
    private static final int KEPT = 3;

    /**
     * The JVM options of a kit's gateway, recorded and cached with them alike: the client
     * compiler only and the serial collector, which start a small, short-lived gateway
     * sooner than the defaults (a test suite's few thousand calls never repay C2's
     * compilations).
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path root;

    private final Path jar;

    private StartCache(Path root, Path jar) {
        this.root = root;
        this.jar = jar;
    }

    /** The cache of this jar and JDK, or null when the cache is off. */
    static StartCache of(Path jar) throws IOException {
        if ("off".equalsIgnoreCase(System.getProperty("gyeol.kit.cache", ""))) {
            return null;
        }
        String configured = System.getProperty("gyeol.kit.cache-dir", System.getenv("GYEOL_KIT_CACHE"));
        Path base = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "gyeol", "kit");
        // The jar as installed (its path, size and time) and the JDK that runs it: a
        // reinstalled jar or another JDK gets an entry of its own.
        String identity = jar.toRealPath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()
                + "|" + Runtime.version() + "|" + JVM_OPTIONS;
        Path root = base.resolve(digest(identity));
        Files.createDirectories(root,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new StartCache(root, jar);
    }

    /** How a gateway is started from this cache. */
    record Launch(Path jar, List<String> jvmOptions, Path template) {
    }

    /**
     * What a start uses, prepared first when missing.
     * @param java the JDK's launcher
     * @param parentPid the test JVM, which the preparing gateway stops with
     */
    Launch prepare(String java, long parentPid) throws IOException {
        try (FileChannel channel = FileChannel.open(this.root.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            Files.setLastModifiedTime(this.root.resolve("lock"), FileTime.from(Instant.now()));
            prune(this.root);
            Path app = this.root.resolve("app");
            if (!Files.exists(app)) {
                extract(java, app);
            }
            Path appJar = app.resolve(this.jar.getFileName().toString());
            Path template = this.root.resolve("template");
            Path aot = this.root.resolve("gateway.aot");
            boolean aotSupported = Runtime.version().feature() >= 25;
            if (!Files.exists(template) || (aotSupported && !Files.exists(this.root.resolve("gateway.aot.done")))) {
                record(java, appJar, template, aotSupported ? aot : null, parentPid);
            }
            List<String> options = new ArrayList<>(JVM_OPTIONS);
            if (aotSupported && Files.exists(aot)) {
                options.add("-XX:AOTCache=" + aot);
            }
            return new Launch(appJar, options, Files.exists(template) ? template : null);
        }
    }

    /** Copies the template's database and vault key into a new data folder. */
    static void copyTemplate(Path template, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        copyTree(template.resolve("postgres"), dataDir.resolve("postgres"));
        Path key = template.resolve("vault.key");
        if (Files.exists(key)) {
            Files.copy(key, dataDir.resolve("vault.key"), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private void extract(String java, Path app) throws IOException {
        Path partial = this.root.resolve("app.partial");
        GyeolSandbox.delete(partial);
        Process extracting = new ProcessBuilder(java, "-Djarmode=tools", "-jar", this.jar.toString(), "extract",
                "--destination", partial.toString())
            .redirectErrorStream(true)
            .redirectOutput(this.root.resolve("extract.log").toFile())
            .start();
        if (!waitFor(extracting, Duration.ofSeconds(120)) || extracting.exitValue() != 0) {
            throw new IOException("extracting the jar failed: " + Files.readString(this.root.resolve("extract.log")));
        }
        Files.move(partial, app, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Starts a gateway on a new data folder and stops it: its folder becomes the template
     * and, when {@code aot} is given, its start is recorded there as the JVM exits.
     */
    private void record(String java, Path appJar, Path template, Path aot, long parentPid) throws IOException {
        Path partial = this.root.resolve("template.partial");
        GyeolSandbox.delete(partial);
        GyeolSandbox.delete(template);
        if (aot != null) {
            Files.deleteIfExists(aot);
            Files.deleteIfExists(this.root.resolve("gateway.aot.done"));
        }
        int port = GyeolSandbox.freePort();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_OPTIONS);
        if (aot != null) {
            command.add("-XX:AOTCacheOutput=" + aot);
        }
        command.addAll(List.of("-jar", appJar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--gyeol.data-dir=" + partial, "--gyeol.test-kit.key=" + GyeolSandbox.randomKey(),
                "--gyeol.test-kit.parent-pid=" + parentPid));
        Path log = this.root.resolve("prepare.log");
        Process gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            GyeolSandbox.awaitReady(gateway, "http://127.0.0.1:" + port, PREPARE_LIMIT);
        }
        catch (RuntimeException e) {
            gateway.destroyForcibly();
            waitFor(gateway, Duration.ofSeconds(10));
            throw new IOException("the preparing gateway did not start: " + e.getMessage() + "; see " + log, e);
        }
        gateway.destroy();
        if (!waitFor(gateway, PREPARE_LIMIT)) {
            gateway.destroyForcibly();
            throw new IOException("the preparing gateway did not stop; see " + log);
        }
        try (Stream<Path> leftovers = Files.list(partial)) {
            for (Path leftover : leftovers
                .filter((path) -> !path.getFileName().toString().equals("postgres")
                        && !path.getFileName().toString().equals("vault.key"))
                .toList()) {
                GyeolSandbox.delete(leftover);
            }
        }
        Files.deleteIfExists(partial.resolve("postgres").resolve("postmaster.pid"));
        Files.move(partial, template, StandardCopyOption.ATOMIC_MOVE);
        if (aot != null && Files.exists(aot)) {
            Files.writeString(this.root.resolve("gateway.aot.done"), Instant.now().toString(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Deletes the entries of other jars unused for {@link #UNUSED}, and all but the
     * {@link #KEPT} most recently used (each is a few hundred megabytes, and every
     * reinstalled jar makes one).
     */
    static void prune(Path root) throws IOException {
        Instant unused = Instant.now().minus(UNUSED);
        List<Path> others;
        try (Stream<Path> siblings = Files.list(root.getParent())) {
            others = siblings.filter((path) -> !path.equals(root) && Files.exists(path.resolve("lock")))
                .sorted(java.util.Comparator.comparing(StartCache::lastUsed).reversed())
                .toList();
        }
        for (int i = 0; i < others.size(); i++) {
            Path sibling = others.get(i);
            if (i >= KEPT - 1 || lastUsed(sibling).isBefore(unused)) {
                GyeolSandbox.delete(sibling);
            }
        }
    }

    private static Instant lastUsed(Path entry) {
        try {
            return Files.getLastModifiedTime(entry.resolve("lock")).toInstant();
        }
        catch (IOException gone) {
            return Instant.EPOCH;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.copy(dir, to.resolve(from.relativize(dir).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!file.getFileName().toString().equals("postmaster.pid")) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }

        });
    }

    private static boolean waitFor(Process process, Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
