package kr.gyeol.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Gateway processes on one external PostgreSQL, sharing a vault key as an operator's
 * nodes do, each with its own data directory. Closing stops every node, deletes their
 * data directories and drops the database.
 */
public final class GatewayCluster implements AutoCloseable {

    private final ExternalPostgres database;

    private final String vaultKey;

    private final List<String> settings;

    private final List<GatewayProcess> nodes = new CopyOnWriteArrayList<>();

    private final List<Path> dataDirectories = new CopyOnWriteArrayList<>();

    /**
     * @param settings {@code --key=value} arguments every node gets
     */
    public GatewayCluster(List<String> settings) throws IOException {
        this.database = ExternalPostgres.start();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.vaultKey = Base64.getEncoder().encodeToString(key);
        this.settings = List.copyOf(settings);
    }

    /** Starts a node named {@code name} (its log is {@code node-<name>.log}). */
    public GatewayProcess start(String name) throws IOException, InterruptedException {
        Files.createDirectories(GatewayProcess.work());
        Path data = Files.createTempDirectory(GatewayProcess.work(), "node-" + name + "-");
        this.dataDirectories.add(data);
        List<String> arguments = new ArrayList<>(this.settings);
        arguments.addAll(this.database.gatewayArguments());
        arguments.add("--gyeol.data-dir=" + data);
        // Nodes share their vault key; each would otherwise make its own.
        arguments.add("--gyeol.vault.keys.shared=" + this.vaultKey);
        GatewayProcess node = GatewayProcess.start("node-" + name, arguments);
        this.nodes.add(node);
        return node;
    }

    /**
     * Starts a node for each name at once, as an operator's nodes boot side by side, and
     * returns them in that order once every one answers.
     */
    public List<GatewayProcess> startAll(String... names) throws Exception {
        try (ExecutorService starts = Executors.newFixedThreadPool(names.length)) {
            List<Future<GatewayProcess>> started = new ArrayList<>();
            for (String name : names) {
                started.add(starts.submit(() -> start(name)));
            }
            List<GatewayProcess> nodes = new ArrayList<>();
            for (Future<GatewayProcess> node : started) {
                nodes.add(node.get());
            }
            return nodes;
        }
    }

    public ExternalPostgres database() {
        return this.database;
    }

    /** Every node started, also those since stopped or killed (for their logs). */
    public List<GatewayProcess> nodes() {
        return List.copyOf(this.nodes);
    }

    @Override
    public void close() throws Exception {
        for (GatewayProcess node : this.nodes) {
            node.close();
        }
        for (Path directory : this.dataDirectories) {
            GatewayProcess.delete(directory);
        }
        this.database.close();
    }

}
