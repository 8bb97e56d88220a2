/**
 * The vault keys: AES-256-GCM under a ring of configured keys ({@code gyeol.vault.keys}),
 * each ciphertext kept with the id of the key that sealed it. Billing keys (vault),
 * AuthKeys (partner) and webhook signing secrets (webhook) are sealed with it; it depends
 * on nothing of theirs.
 */
package kr.gyeol.keyring;
