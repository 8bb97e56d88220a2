package kr.gyeol.vault;

import java.util.Map;

import kr.gyeol.keyring.VaultCipher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The key rotation command: {@code java -jar gyeol-server.jar --gyeol.vault.rotate=true}
 * (with the nodes' configuration, the new key active) re-encrypts everything under the
 * active key while the nodes keep serving, prints what it did, and exits: 0 when nothing
 * is left under another key, 1 when something could not be opened here.
 */
@Component
class VaultRotationCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(VaultRotationCommand.class);

    private final boolean requested;

    private final VaultRotation rotation;

    private final VaultCipher cipher;

    private final ApplicationContext context;

    VaultRotationCommand(VaultOptions options, VaultRotation rotation, VaultCipher cipher, ApplicationContext context) {
        this.requested = options.rotate();
        this.rotation = rotation;
        this.cipher = cipher;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!this.requested) {
            return;
        }
        Map<String, VaultRotation.Report> reports = this.rotation.rotate(this.cipher);
        boolean complete = reports.values().stream().allMatch((report) -> report.skipped() == 0);
        reports.forEach((table, report) -> System.out.printf("%s: %d re-encrypted under %s, %d left%n", table,
                report.resealed(), this.cipher.activeKeyId(), report.skipped()));
        log.info("Vault rotation {}; exiting", complete ? "complete" : "left rows it could not open");
        int status = complete ? 0 : 1;
        System.exit(SpringApplication.exit(this.context, () -> status));
    }

}
