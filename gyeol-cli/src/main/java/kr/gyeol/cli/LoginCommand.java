package kr.gyeol.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gyeol login}: checks a partner's credentials against the gateway and keeps them
 * in the profile (mode 0600) for the next commands.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Check --partner and --key (and --refund-key, --base) against the gateway and keep them in the profile.")
final class LoginCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @ParentCommand
    GyeolCli root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Options given = this.options.over(this.root.options);
        if (given.partner == null || given.key == null) {
            throw new Refusal(Exit.USAGE, "login needs --partner and --key");
        }
        Connection connection = Connection.of(given, java.util.Map.of(), this.root.clock);
        // Any authenticated call proves the credentials.
        connection.client().webhookLog().latest(1);
        Path profile = given.profile != null ? given.profile : Connection.defaultProfile();
        Files.createDirectories(profile.toAbsolutePath().getParent());
        Properties properties = new Properties();
        properties.setProperty("base", connection.base());
        properties.setProperty("partner", connection.partner());
        properties.setProperty("key", connection.key());
        if (connection.refundKey() != null) {
            properties.setProperty("refundKey", connection.refundKey());
        }
        Files.deleteIfExists(profile);
        Files.createFile(profile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(profile, StandardOpenOption.TRUNCATE_EXISTING)) {
            properties.store(out, "gyeol login");
        }
        GyeolCli.Output output = new GyeolCli.Output(this.spec.commandLine().getOut(), given.json);
        output
            .line("Logged in to " + connection.base() + " as " + connection.partner() + " (kept in " + profile + ").");
        output.put("base", connection.base());
        output.put("partner", connection.partner());
        output.put("profile", profile.toString());
        output.end();
        return Exit.OK;
    }

}
