/**
 * Billing keys: card and bank-account instruments encrypted at rest with AES-256-GCM
 * under a named, rotatable key; masking, card-company and bank naming; registration (card
 * in one step, account in two with an ARS confirmation) and revocation. Security codes
 * are never stored.
 *
 * <pre>
 * stateDiagram-v2
 *   [*] --> ACTIVE: registered
 *   ACTIVE --> REVOKED: PUSERDEL
 * </pre>
 */
package kr.gyeol.vault;
