package kr.gyeol.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import kr.gyeol.support.TempDirectories;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's binaries are run only from a directory of the gateway's user that
 * no one else can enter, and only as they were unpacked: a directory another local user
 * made, opened up or changed is refused with a one-line reason, never run.
 */
class PostgresBinariesTest {

    private static Path parent;

    private static Path installation;

    @BeforeAll
    static void unpack() throws Exception {
        parent = TempDirectories.create("gyeol-binaries").resolve("cache");
        installation = PostgresBinaries.installationUnder(parent);
    }

    private static Path freshCopy() throws Exception {
        Path copyParent = TempDirectories.create("gyeol-binaries-copy").resolve("cache");
        return PostgresBinaries.installationUnder(copyParent);
    }

    @Test
    void unpacksIntoPrivateDirectoriesWithAManifestAndPassesItsOwnCheck() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(parent))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(installation))).isEqualTo("rwx------");
        assertThat(Files.readString(installation.resolve(PostgresBinaries.MANIFEST))).contains(" bin/postgres\n");
        PostgresBinaries.verify(installation);
        assertThat(PostgresBinaries.installationUnder(parent)).as("found again, checked, not unpacked anew")
            .isEqualTo(installation);
    }

    @Test
    void aReplacedServerBinaryIsRefused() throws Exception {
        Path copy = freshCopy();
        Files.writeString(copy.resolve("bin/postgres"), "#!/bin/sh\necho replaced\n");
        assertThatThrownBy(() -> PostgresBinaries.installationUnder(copy.getParent()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("bin/postgres differs");
    }

    @Test
    void anAddedFileIsRefused() throws Exception {
        Path copy = freshCopy();
        Files.writeString(copy.resolve("lib/libinjected.so"), "not ours");
        assertThatThrownBy(() -> PostgresBinaries.verify(copy)).hasMessageContaining("lib/libinjected.so");
    }

    @Test
    void aDirectoryOthersMayEnterIsRefused() throws Exception {
        Path copy = freshCopy();
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> PostgresBinaries.verify(copy)).hasMessageContaining("has mode rwxr-xr-x");
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(copy.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> PostgresBinaries.installationUnder(copy.getParent()))
            .hasMessageContaining("has mode rwxrwxrwx");
    }

    @Test
    void aDirectoryAnotherUserMadeIsRefused() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "only root can give a directory to another user (CI runs as root)");
        Path copy = freshCopy();
        UserPrincipal nobody = copy.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(copy, nobody);
        assertThatThrownBy(() -> PostgresBinaries.verify(copy)).hasMessageContaining("is owned by nobody");
        Files.setOwner(copy, Files.getOwner(copy.getParent()));
        Files.setOwner(copy.resolve("bin/postgres"), nobody);
        assertThatThrownBy(() -> PostgresBinaries.verify(copy))
            .hasMessageContaining("bin/postgres is not owned by the gateway's user");
    }

}
