package kr.gyeol.vault;

import java.util.List;

import kr.gyeol.keyring.VaultCipher;

/**
 * A table of vault ciphertexts ({@code key_id} and {@code ciphertext} per row), for
 * {@link VaultRotation} to re-encrypt under the active key. Each capability that seals
 * something with the vault lists its table as one.
 */
public interface SealedTable {

    /** One row's ciphertext and the associated data it was sealed with. */
    record Row(String id, String associatedData, VaultCipher.Sealed sealed) {
    }

    /** The table's name, for the rotation's report. */
    String name();

    /**
     * Up to {@code limit} rows after {@code afterId} (in id order) not sealed under
     * {@code keyId}.
     */
    List<Row> notUnder(String keyId, String afterId, int limit);

    /**
     * Replaces a row's ciphertext if it is still {@code row}'s (a row changed meanwhile
     * is left for the next run); true when replaced.
     */
    boolean replace(Row row, VaultCipher.Sealed resealed);

}
