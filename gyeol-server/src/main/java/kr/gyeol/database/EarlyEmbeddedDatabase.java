package kr.gyeol.database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import kr.gyeol.shared.GatewayProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the gateway's
 * configuration is read, while Spring builds the rest of the context (about a second of
 * each start that no longer waits in line); the context's {@link EmbeddedDatabase} bean
 * takes it. Added by the gateway's {@code main} only: a test's context starts its
 * database as before. A start that fails is the bean's failure, with its message; a
 * database started for a context that failed before taking it is stopped.
 */
public final class EarlyEmbeddedDatabase implements SmartApplicationListener {

    private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedDatabase.class);

    /** A database being started for a data folder and port. */
    private record Pending(Path directory, int port, CompletableFuture<EmbeddedDatabase> database) {
    }

    private static final AtomicReference<Pending> PENDING = new AtomicReference<>();

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ApplicationFailedEvent.class.isAssignableFrom(type)
                || ApplicationReadyEvent.class.isAssignableFrom(type);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            try {
                start(Binder.get(prepared.getEnvironment()),
                        prepared.getEnvironment().getProperty("spring.datasource.url", ""));
            }
            catch (RuntimeException unbindable) {
                // The context binds the same properties and reports what is wrong.
                log.debug("Not starting the embedded PostgreSQL early: {}", unbindable.toString());
            }
        }
        else {
            // Ready: the bean took it (or the context runs on an external database).
            // Failed: a database nobody took would outlive the gateway.
            abandon();
        }
    }

    private static void start(Binder binder, String datasourceUrl) {
        if (!datasourceUrl.isEmpty()) {
            return;
        }
        GatewayProperties gateway = binder.bindOrCreate("gyeol", GatewayProperties.class);
        if (gateway.dataDir() == null) {
            return;
        }
        EmbeddedDatabaseProperties properties = binder.bindOrCreate("gyeol.embedded-database",
                EmbeddedDatabaseProperties.class);
        Path directory = gateway.dataDir().resolve("postgres").toAbsolutePath();
        CompletableFuture<EmbeddedDatabase> database = new CompletableFuture<>();
        Thread.ofPlatform().name("gyeol-database-start").start(() -> {
            try {
                database.complete(EmbeddedDatabase.start(directory, properties.port(), properties.restartBudget(),
                        EmbeddedDatabaseConfiguration::exitWithoutDatabase));
            }
            catch (Throwable ex) {
                database.completeExceptionally(ex);
            }
        });
        PENDING.set(new Pending(directory, properties.port(), database));
    }

    /**
     * The database started early for this folder and port, once: empty when none was (the
     * context runs without the gateway's {@code main}, or was configured otherwise).
     */
    static Optional<EmbeddedDatabase> take(Path directory, int port) {
        Pending pending = PENDING.get();
        if (pending == null || !pending.directory().equals(directory) || pending.port() != port
                || !PENDING.compareAndSet(pending, null)) {
            return Optional.empty();
        }
        try {
            return Optional.of(pending.database().join());
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw ex;
        }
    }

    private static void abandon() {
        Pending pending = PENDING.getAndSet(null);
        if (pending == null) {
            return;
        }
        pending.database().thenAccept((database) -> {
            try {
                database.close();
            }
            catch (IOException ex) {
                log.warn("The embedded PostgreSQL started for a gateway that did not start did not stop: {}",
                        ex.toString());
            }
        });
    }

}
