package kr.gyeol.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A real PostgreSQL server that the gateway runs as its own child process, keeping its
 * data under a directory across restarts.
 *
 * <p>
 * It is started durable ({@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} on, no {@code -F}), so a commit the gateway has answered for
 * survives a crash of any PostgreSQL process. It accepts SCRAM password logins over
 * loopback only; the passwords are generated at the first start and kept in
 * {@code gyeol.credentials} (mode 0600) inside the data directory, and the gateway
 * connects as {@code gyeol}, the owner of its database and no superuser. A data directory
 * made by an earlier release with trust authentication is converted at its next start.
 *
 * <p>
 * The server is supervised: when it dies, it is started again on the same port (its crash
 * recovery replays the WAL); if it cannot be brought back within a restart budget (a
 * minute by default), {@code onFatal} runs, and the gateway exits rather than living on
 * without a database. A server left running by a gateway that was killed is stopped
 * before the new one starts, and a data directory whose first initialisation was
 * interrupted is rebuilt.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** The database and its owner role, which the gateway logs in as. */
    private static final String DATABASE = "gyeol";

    private static final String OWNER = "gyeol";

    private static final String SUPERUSER = "postgres";

    static final String CREDENTIALS_FILE = "gyeol.credentials";

    static final Duration DEFAULT_RESTART_BUDGET = Duration.ofSeconds(60);

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    /**
     * Durability first: these are the settings a payment database needs, whatever a
     * library defaults to. Only loopback TCP, no Unix socket.
     */
    private static final Map<String, String> SETTINGS = settings();

    /** The settings logged at every start, as the server reports them. */
    private static final List<String> REPORTED = List.of("server_version", "fsync", "synchronous_commit",
            "full_page_writes", "wal_sync_method", "data_checksums", "password_encryption");

    /** What the supervisor reports to health checks. */
    public enum State {

        RUNNING, RESTARTING, FAILED, STOPPED

    }

    private final Path directory;

    private final Path installation;

    private final int port;

    private final Credentials credentials;

    /** Holds the data directory's lock for as long as it is open. */
    private final FileChannel lockChannel;

    private final Duration restartBudget;

    private final Runnable onFatal;

    private volatile Process postmaster;

    private volatile State state = State.RUNNING;

    private volatile boolean closing;

    private volatile Map<String, String> effectiveSettings = Map.of();

    private EmbeddedDatabase(Path directory, Path installation, int port, Credentials credentials,
            FileChannel lockChannel, Duration restartBudget, Runnable onFatal) {
        this.directory = directory;
        this.installation = installation;
        this.port = port;
        this.credentials = credentials;
        this.lockChannel = lockChannel;
        this.restartBudget = restartBudget;
        this.onFatal = onFatal;
    }

    /** Starts (or restarts) the server whose data lives in {@code directory}. */
    public static EmbeddedDatabase start(Path directory, int port) {
        return start(directory, port, DEFAULT_RESTART_BUDGET,
                () -> log.error("The embedded PostgreSQL could not be restarted"));
    }

    /**
     * Starts the server whose data lives in {@code directory}; {@code onFatal} runs when
     * it died and could not be started again within {@code restartBudget}.
     */
    public static EmbeddedDatabase start(Path directory, int port, Duration restartBudget, Runnable onFatal) {
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(directory);
            lockChannel = FileChannel.open(directory.resolve("epg-lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            if (lockChannel.tryLock() == null) {
                throw new DataDirectoryInUse(directory);
            }
            stopOrphanedServer(directory);
            discardInterruptedInitialisation(directory);
            Path installation = PostgresBinaries.installation(directory);
            boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
            Credentials credentials;
            boolean legacyTrust = false;
            if (fresh) {
                credentials = Credentials.generate();
                initdb(installation, directory, credentials);
                credentials.save(directory.resolve(CREDENTIALS_FILE));
            }
            else {
                Optional<Credentials> saved = Credentials.load(directory.resolve(CREDENTIALS_FILE));
                legacyTrust = saved.isEmpty();
                credentials = saved.orElseGet(Credentials::generate);
            }
            if (!legacyTrust) {
                writeHostBasedAuthentication(directory);
            }
            int chosenPort = port > 0 ? port : freePort();
            EmbeddedDatabase database = new EmbeddedDatabase(directory, installation, chosenPort, credentials,
                    lockChannel, restartBudget, onFatal);
            try {
                database.launch(legacyTrust);
                if (legacyTrust) {
                    database.convertFromTrust();
                }
                database.ensureOwnerAndDatabase();
                database.reportSettings();
            }
            catch (IOException | RuntimeException e) {
                // Never leave a server running that no gateway supervises.
                database.close();
                throw e;
            }
            database.supervise();
            return database;
        }
        catch (IOException e) {
            closeQuietly(lockChannel);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
        catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** The role the gateway logs in as: the database's owner, not a superuser. */
    public String username() {
        return OWNER;
    }

    public String password() {
        return credentials.ownerPassword();
    }

    public int port() {
        return port;
    }

    public State state() {
        return state;
    }

    /** The durability settings the server reported at its last start. */
    public Map<String, String> effectiveSettings() {
        return effectiveSettings;
    }

    /** The postmaster's process id, for supervision and for tests that crash it. */
    public long pid() {
        return postmaster.pid();
    }

    @Override
    public void close() throws IOException {
        closing = true;
        state = State.STOPPED;
        Process process = postmaster;
        if (process != null && process.isAlive()) {
            signal(process.pid(), "INT");
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    log.warn("The embedded PostgreSQL did not stop within 30 s; killing it");
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(lockChannel);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void launch(boolean trusted) throws IOException {
        List<String> command = new ArrayList<>(asUnprivileged(installation.resolve("bin/postgres")));
        command.addAll(List.of("-D", directory.toString(), "-p", Integer.toString(port)));
        SETTINGS.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
        Path serverLog = privateFile(serverLog());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
            .start();
        postmaster = process;
        Instant deadline = Instant.now().plus(STARTUP_WAIT);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(
                        "PostgreSQL exited with code " + process.exitValue() + " while starting: " + tail(serverLog));
            }
            try (Connection connection = superuser("postgres", trusted)) {
                return;
            }
            catch (SQLException e) {
                last = e;
            }
            sleep(Duration.ofMillis(100));
        }
        process.destroyForcibly();
        throw new IOException(
                "PostgreSQL did not accept connections within " + STARTUP_WAIT.toSeconds() + " s: " + tail(serverLog),
                last);
    }

    private Connection superuser(String database, boolean trusted) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        if (!trusted) {
            properties.setProperty("password", credentials.superuserPassword());
        }
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /**
     * A directory made by an earlier release trusts every local connection: give both
     * roles their passwords, then switch the server to SCRAM.
     */
    private void convertFromTrust() throws IOException {
        log.warn("The embedded PostgreSQL in {} trusted every local user; switching it to SCRAM passwords", directory);
        try (Connection connection = superuser("postgres", true); Statement statement = connection.createStatement()) {
            // A failing statement is logged with its text; these carry passwords.
            statement.execute("SET log_min_error_statement = 'panic'");
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + credentials.superuserPassword() + "'");
            credentials.save(directory.resolve(CREDENTIALS_FILE));
            writeHostBasedAuthentication(directory);
            statement.execute("SELECT pg_reload_conf()");
        }
        catch (SQLException e) {
            throw new IOException("Could not set the embedded PostgreSQL's passwords", e);
        }
    }

    /**
     * The gateway's role owns its database and everything in it; a database an earlier
     * release made as the superuser is handed over.
     */
    private void ensureOwnerAndDatabase() throws IOException {
        try (Connection connection = superuser("postgres", false); Statement statement = connection.createStatement()) {
            // A failing statement is logged with its text; these carry passwords.
            statement.execute("SET log_min_error_statement = 'panic'");
            statement.execute("SET password_encryption = 'scram-sha-256'");
            boolean roleExists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                query.setString(1, OWNER);
                try (ResultSet rows = query.executeQuery()) {
                    roleExists = rows.next();
                }
            }
            String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                    + credentials.ownerPassword() + "'";
            statement.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + OWNER + attributes);
            boolean databaseExists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, DATABASE);
                try (ResultSet rows = query.executeQuery()) {
                    databaseExists = rows.next();
                }
            }
            if (!databaseExists) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
                return;
            }
            statement.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + OWNER);
        }
        catch (SQLException e) {
            throw new IOException("Could not prepare the gyeol role and database", e);
        }
        try (Connection connection = superuser(DATABASE, false); Statement statement = connection.createStatement()) {
            statement.execute("ALTER SCHEMA public OWNER TO " + OWNER);
            List<String> handOver = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT c.relkind, c.relname
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                      AND pg_get_userbyid(c.relowner) <> ?
                      AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                               WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
                    """)) {
                query.setString(1, OWNER);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String kind = switch (rows.getString(1)) {
                            case "S" -> "SEQUENCE";
                            case "v" -> "VIEW";
                            case "m" -> "MATERIALIZED VIEW";
                            default -> "TABLE";
                        };
                        handOver.add("ALTER " + kind + " public.\"" + rows.getString(2).replace("\"", "\"\"")
                                + "\" OWNER TO " + OWNER);
                    }
                }
            }
            for (String alter : handOver) {
                statement.execute(alter);
            }
            if (!handOver.isEmpty()) {
                log.info("Handed {} objects of the gyeol database over to the {} role", handOver.size(), OWNER);
            }
        }
        catch (SQLException e) {
            throw new IOException("Could not hand the gyeol database over to its owner role", e);
        }
    }

    private void reportSettings() throws IOException {
        Map<String, String> reported = new LinkedHashMap<>();
        try (Connection connection = superuser("postgres", false);
                PreparedStatement query = connection
                    .prepareStatement("SELECT name, setting FROM pg_settings WHERE name = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", REPORTED.toArray()));
            Map<String, String> rows = new LinkedHashMap<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getString(2));
                }
            }
            REPORTED.forEach(name -> reported.put(name, rows.getOrDefault(name, "?")));
        }
        catch (SQLException e) {
            throw new IOException("Could not read the embedded PostgreSQL's settings", e);
        }
        effectiveSettings = Map.copyOf(reported);
        log.info("Embedded PostgreSQL {} (pid {}) on 127.0.0.1:{} with data in {}; {}", reported.get("server_version"),
                postmaster.pid(), port, directory,
                reported.entrySet()
                    .stream()
                    .filter(e -> !e.getKey().equals("server_version"))
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
        for (String required : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            if (!"on".equals(reported.get(required))) {
                throw new IllegalStateException("The embedded PostgreSQL runs with " + required + "="
                        + reported.get(required) + "; a payment database needs it on");
            }
        }
    }

    /**
     * Watches the postmaster: a death that is not ours is answered by starting it again
     * (PostgreSQL's crash recovery replays the WAL), within a time budget.
     */
    private void supervise() {
        Process watched = postmaster;
        watched.onExit().thenRun(() -> {
            if (closing) {
                return;
            }
            state = State.RESTARTING;
            log.error("The embedded PostgreSQL (pid {}) exited with code {}; restarting it", watched.pid(),
                    watched.exitValue());
            Thread.ofPlatform().name("gyeol-embedded-postgres-restart").daemon().start(this::restart);
        });
    }

    private void restart() {
        Instant deadline = Instant.now().plus(restartBudget);
        // 0.2 s, then twice as long each time, up to 5 s.
        ExponentialBackOff waits = new ExponentialBackOff(200, 2.0);
        waits.setMaxInterval(5_000);
        BackOffExecution wait = waits.start();
        int attempt = 0;
        while (!closing && Instant.now().isBefore(deadline)) {
            attempt++;
            try {
                // Backends of the dead postmaster hold its shared memory for a moment;
                // until they are gone, the new server refuses to start and we try again.
                launch(false);
                if (closing) {
                    // The gateway shut down while this server was starting.
                    close();
                    return;
                }
                reportSettings();
                state = State.RUNNING;
                log.info("The embedded PostgreSQL is back (pid {}) after {} attempt(s)", postmaster.pid(), attempt);
                supervise();
                return;
            }
            catch (IOException | RuntimeException e) {
                log.warn("Restart attempt {} of the embedded PostgreSQL failed: {}", attempt, e.getMessage());
            }
            sleep(Duration.ofMillis(wait.nextBackOff()));
        }
        if (!closing) {
            state = State.FAILED;
            log.error("The embedded PostgreSQL could not be restarted within {} s", restartBudget.toSeconds());
            onFatal.run();
        }
    }

    /**
     * A log file only the gateway's user reads (mode 0600, set again if it was changed):
     * the server's log names users, databases and statements.
     */
    private static Path privateFile(Path file) throws IOException {
        Set<java.nio.file.attribute.PosixFilePermission> mode = PosixFilePermissions.fromString("rw-------");
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(mode));
        }
        catch (java.nio.file.FileAlreadyExistsException existing) {
            Files.setPosixFilePermissions(file, mode);
        }
        return file;
    }

    private Path serverLog() {
        return directory.resolveSibling(directory.getFileName() + ".log");
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("unix_socket_directories", "");
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("full_page_writes", "on");
        settings.put("password_encryption", "scram-sha-256");
        settings.put("max_connections", "200");
        settings.put("timezone", "UTC");
        return settings;
    }

    /**
     * initdb wants an empty directory, and ours holds the lock file: the cluster is made
     * beside it and moved in, {@code postgresql.conf} last, so a directory that has it is
     * complete.
     */
    private static void initdb(Path installation, Path directory, Credentials credentials) throws IOException {
        Path staging = directory.resolveSibling(directory.getFileName() + ".initdb");
        PostgresBinaries.deleteTree(staging);
        Path passwordFile = Files.createTempFile("gyeol-initdb", ".pw",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(passwordFile, credentials.superuserPassword() + "\n");
            List<String> command = new ArrayList<>(asUnprivileged(installation.resolve("bin/initdb")));
            command.addAll(List.of("-D", staging.toString(), "-U", SUPERUSER, "-E", "UTF-8", "--no-locale",
                    "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "--pwfile=" + passwordFile));
            Path initLog = privateFile(directory.resolveSibling(directory.getFileName() + "-initdb.log"));
            Process initdb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(initLog.toFile())
                .start();
            if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new IOException("initdb failed: " + tail(initLog));
            }
            List<Path> entries;
            try (Stream<Path> listing = Files.list(staging)) {
                entries = listing.sorted((a, b) -> Boolean.compare(isConf(a), isConf(b))).toList();
            }
            for (Path entry : entries) {
                Files.move(entry, directory.resolve(entry.getFileName()));
            }
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            Files.delete(staging);
            log.info("Initialised a new embedded PostgreSQL data directory in {}", directory);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running initdb", e);
        }
        finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private static boolean isConf(Path path) {
        return path.getFileName().toString().equals("postgresql.conf");
    }

    /**
     * Password logins over loopback only; rewritten at every start so the file never
     * drifts from what the gateway expects.
     */
    private static void writeHostBasedAuthentication(Path directory) throws IOException {
        Files.writeString(directory.resolve("pg_hba.conf"), """
                # Written by Gyeol at every start: SCRAM password logins over loopback only.
                # TYPE  DATABASE  USER  ADDRESS       METHOD
                host    all       all   127.0.0.1/32  scram-sha-256
                host    all       all   ::1/128       scram-sha-256
                """, StandardCharsets.UTF_8);
    }

    /**
     * PostgreSQL refuses to run as root; as root the server runs in a user namespace of
     * its own, where it is nobody, and still owns its files.
     */
    private static List<String> asUnprivileged(Path binary) {
        if (runningAsRoot()) {
            return List.of("unshare", "-U", binary.toString());
        }
        return List.of(binary.toString());
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        }
        catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
        }
        catch (IOException e) {
            log.warn("Could not signal PostgreSQL (pid {}): {}", pid, e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A gateway killed with SIGKILL leaves its PostgreSQL running. Nobody else holds the
     * directory's lock (we do now), so that server is an orphan: stop it, then start
     * afresh.
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
        signal(pid, "INT");
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
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
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path path : entries.filter(p -> !p.getFileName().toString().equals("epg-lock")).toList()) {
                PostgresBinaries.deleteTree(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        }
        catch (IOException e) {
            return "(no server log)";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        }
        catch (IOException e) {
            log.warn("Could not release the data directory lock: {}", e.getMessage());
        }
    }

}
