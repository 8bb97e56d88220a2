package kr.gyeol.vault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kr.gyeol.keyring.VaultCipher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Re-encrypts every vault ciphertext (billing keys, pending account registrations,
 * webhook secrets) under the cipher's active key, online: a row at a time, each replaced
 * only if it is still the ciphertext that was read, so the gateway keeps serving (and
 * writing new rows under the active key) meanwhile. Nodes must already know the new key
 * (configured, then made active) before it runs; the old key can be removed from the
 * configuration once a run reports nothing left under it.
 */
@Component
public class VaultRotation {

    private static final Logger log = LoggerFactory.getLogger(VaultRotation.class);

    private static final int BATCH = 200;

    /** What one run did with one table. */
    public record Report(int resealed, int skipped) {
    }

    private final List<SealedTable> tables;

    VaultRotation(List<SealedTable> tables) {
        this.tables = tables;
    }

    /**
     * Re-encrypts everything not under {@code cipher}'s active key; per table, what it
     * did.
     */
    public Map<String, Report> rotate(VaultCipher cipher) {
        Map<String, Report> reports = new LinkedHashMap<>();
        for (SealedTable table : this.tables) {
            int resealed = 0;
            int skipped = 0;
            String after = "";
            while (true) {
                List<SealedTable.Row> rows = table.notUnder(cipher.activeKeyId(), after, BATCH);
                if (rows.isEmpty()) {
                    break;
                }
                for (SealedTable.Row row : rows) {
                    after = row.id();
                    try {
                        byte[] plaintext = cipher.open(row.sealed(), row.associatedData());
                        if (table.replace(row, cipher.seal(plaintext, row.associatedData()))) {
                            resealed++;
                        }
                        else {
                            skipped++;
                        }
                    }
                    catch (IllegalStateException unopenable) {
                        // Its key is not configured here (or it fails its integrity
                        // check):
                        // left as it is, and reported.
                        skipped++;
                    }
                }
            }
            reports.put(table.name(), new Report(resealed, skipped));
            log.info("Vault rotation of {}: {} re-encrypted under key {}, {} left as they were", table.name(), resealed,
                    cipher.activeKeyId(), skipped);
        }
        return reports;
    }

}
