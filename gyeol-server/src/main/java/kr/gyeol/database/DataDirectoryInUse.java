package kr.gyeol.database;

import java.nio.file.Path;

/** Another running gateway holds the embedded database's data directory. */
public final class DataDirectoryInUse extends IllegalStateException {

    private final transient Path directory;

    DataDirectoryInUse(Path directory) {
        super("The data directory " + directory + " is in use by another running gateway. Stop it, or start this"
                + " one with another gyeol.data-dir.");
        this.directory = directory;
    }

    public Path directory() {
        return this.directory;
    }

}
