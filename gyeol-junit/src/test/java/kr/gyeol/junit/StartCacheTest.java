package kr.gyeol.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start cache keeps the entries a developer still uses, and not a new one per
 * install.
 */
class StartCacheTest {

    @TempDir
    Path base;

    private Path entry(String name, Duration age) throws Exception {
        Path entry = Files.createDirectories(this.base.resolve(name));
        Files.writeString(entry.resolve("gateway.aot"), "x");
        Path lock = Files.createFile(entry.resolve("lock"));
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(age)));
        return entry;
    }

    @Test
    void keepsThisEntryAndTheTwoMostRecentlyUsedOthersWithinAWeek() throws Exception {
        Path current = entry("current", Duration.ZERO);
        Path recent = entry("recent", Duration.ofHours(1));
        Path older = entry("older", Duration.ofDays(2));
        Path oldest = entry("oldest", Duration.ofDays(3));
        Path stale = entry("stale", Duration.ofDays(8));
        Path foreign = Files.createDirectories(this.base.resolve("not-an-entry"));

        StartCache.prune(current);

        assertThat(current).exists();
        assertThat(recent).exists();
        assertThat(older).exists();
        assertThat(oldest).doesNotExist();
        assertThat(stale).doesNotExist();
        assertThat(foreign).as("a folder without a lock is not the cache's").exists();
    }

}
