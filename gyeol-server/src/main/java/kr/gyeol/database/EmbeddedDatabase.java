package kr.gyeol.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the binaries on Maven Central, keeping its data
 * under a directory across restarts. A server left running by a gateway that was killed
 * is stopped before the new one starts, and a data directory whose first initialisation
 * was interrupted is rebuilt.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private static final String DATABASE = "gyeol";

    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (or restarts) the server whose data lives in {@code directory}. */
    public static EmbeddedDatabase start(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            ensureNotInUse(directory);
            stopOrphanedServer(directory);
            discardInterruptedInitialisation(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // The library starts the server with fsync off; a gateway's data must
                // survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
            createDatabaseIfMissing(postgres);
            log.info("Embedded PostgreSQL is running on port {} with data in {}", postgres.getPort(), directory);
            return new EmbeddedDatabase(postgres);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(SUPERUSER, DATABASE);
    }

    public String username() {
        return SUPERUSER;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static void ensureNotInUse(Path directory) throws IOException {
        Path lockFile = directory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
                FileChannel channel = file.getChannel()) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("The data directory " + directory
                        + " is in use by another running gateway. Stop it, or start this one with another"
                        + " gyeol.data-dir.");
            }
            lock.release();
        }
    }

    /**
     * A gateway killed with SIGKILL leaves its PostgreSQL running. Nobody holds the
     * directory's lock any more (checked above), so that server is an orphan: stop it,
     * then start afresh.
     */
    private static void stopOrphanedServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        }
        catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        boolean postgres = process.filter(ProcessHandle::isAlive)
            .flatMap(p -> p.info().command())
            .map(command -> command.endsWith("postgres") || command.contains("/bin/postgres"))
            .orElse(false);
        if (!postgres) {
            // A stale pid file of a server that is gone: PostgreSQL itself handles it at
            // start.
            return;
        }
        log.warn("Stopping the PostgreSQL (pid {}) left running by a gateway that did not shut down", pid);
        ProcessHandle handle = process.get();
        handle.destroy();
        try {
            handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        catch (Exception e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            catch (Exception ignored) {
                throw new IllegalStateException("Could not stop the orphaned PostgreSQL with pid " + pid);
            }
        }
    }

    /**
     * initdb writes postgresql.conf late; a directory with files but without it is
     * unusable.
     */
    private static void discardInterruptedInitialisation(Path directory) throws IOException {
        if (Files.exists(directory.resolve("postgresql.conf"))) {
            return;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.allMatch(p -> p.getFileName().toString().equals("epg-lock"))) {
                return;
            }
        }
        log.warn("Discarding the half-initialised database directory {}", directory);
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, DATABASE);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        }
        catch (SQLException e) {
            throw new IOException("Could not create the gyeol database", e);
        }
    }

}
