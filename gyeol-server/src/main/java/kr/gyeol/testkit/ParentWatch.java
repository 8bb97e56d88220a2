package kr.gyeol.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A gateway started by a test JVM ({@code gyeol.test-kit.parent-pid}) stops when that JVM
 * ends, however it ends: its shutdown hook may never run (a halt, a kill -9, a build tool
 * that gave up waiting), and the gateway must not live on, holding a port and a database,
 * with nobody to stop it.
 */
@Component
class ParentWatch {

    private static final Logger log = LoggerFactory.getLogger(ParentWatch.class);

    private final TestKitProperties properties;

    private final ConfigurableApplicationContext context;

    ParentWatch(TestKitProperties properties, ConfigurableApplicationContext context) {
        this.properties = properties;
        this.context = context;
    }

    @EventListener(ApplicationReadyEvent.class)
    void watch() {
        if (this.properties.parentPid() == null) {
            return;
        }
        ProcessHandle.of(this.properties.parentPid())
            .map(ProcessHandle::onExit)
            .ifPresentOrElse((ended) -> ended.thenRun(this::stop), this::stop);
    }

    private void stop() {
        // Not a daemon (the watcher's thread is one, and this one inherited it): the JVM
        // must wait for the folder to be deleted.
        Thread.ofPlatform().name("gyeol-parent-gone").daemon(false).start(() -> {
            log.warn("The process that started this gateway ({}) has ended; stopping", this.properties.parentPid());
            int status = SpringApplication.exit(this.context);
            if (this.properties.scratchDir() != null) {
                delete(this.properties.scratchDir());
            }
            System.exit(status);
        });
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException | UncheckedIOException e) {
            // Logging has stopped with the context: say it on the process's own output.
            System.err.println("Could not delete " + directory + ": " + e);
        }
    }

}
