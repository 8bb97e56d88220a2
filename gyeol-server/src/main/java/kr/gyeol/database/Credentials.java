package kr.gyeol.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * The embedded server's two passwords, generated at its first start and kept in a file
 * only the gateway's user can read: the superuser's, used only to prepare the database,
 * and the owner role's, which the gateway logs in with.
 */
record Credentials(String superuserPassword, String ownerPassword) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Credentials generate() {
        return new Credentials(secret(), secret());
    }

    static Optional<Credentials> load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String superuser = properties.getProperty("superuser.password");
        String owner = properties.getProperty("owner.password");
        if (superuser == null || owner == null || superuser.isBlank() || owner.isBlank()) {
            throw new IOException("The credentials file " + file + " is incomplete");
        }
        return Optional.of(new Credentials(superuser, owner));
    }

    /** Written beside and moved into place, so a crash never leaves half a file. */
    void save(Path file) throws IOException {
        Path staging = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Properties properties = new Properties();
        properties.setProperty("superuser.password", superuserPassword);
        properties.setProperty("owner.password", ownerPassword);
        try (Writer writer = Files.newBufferedWriter(staging, StandardCharsets.UTF_8)) {
            properties.store(writer, "Passwords of the embedded PostgreSQL; keep this file private");
        }
        Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** Hex only, so it can sit in a SQL literal without escaping. */
    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "Credentials[hidden]";
    }

}
