package kr.gyeol.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.util.FileSystemUtils;

/**
 * Temporary directories of the tests (data folders of embedded databases and gateways),
 * deleted when the test JVM ends, so a run leaves nothing behind in the temporary folder.
 * Deletion is best-effort: a folder a still-running process holds is left to the next
 * reboot.
 */
public final class TempDirectories {

    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

    static {
        // Shutdown hooks run side by side: a gateway closing in its own hook (Tomcat
        // writes its work folder under the data directory) may recreate a folder just
        // deleted, so deletion is tried again for a few seconds until all are gone.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int round = 0; round < 20 && CREATED.stream().anyMatch(Files::exists); round++) {
                for (Path directory : CREATED) {
                    try {
                        FileSystemUtils.deleteRecursively(directory);
                    }
                    catch (IOException ex) {
                        // Best effort: see the class comment.
                    }
                }
                try {
                    Thread.sleep(200);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "gyeol-test-temp-cleanup"));
    }

    private TempDirectories() {
    }

    /** A new temporary directory named {@code prefix…}, deleted when the JVM ends. */
    public static Path create(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        CREATED.add(directory);
        return directory;
    }

}
