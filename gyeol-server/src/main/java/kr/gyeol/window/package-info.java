/**
 * The hosted payment window: its sessions (one per opening, stored so any node serves any
 * step), card billing registration and payment through it (AUTH, PAY, CERT), and the CERT
 * confirmations that partners complete over REST.
 *
 * <pre>
 * stateDiagram-v2
 *   [*] --> OPEN: window entry with a valid AuthKey
 *   OPEN --> PROCESSING: customer submits (claimed once)
 *   OPEN --> CLOSED: customer closes
 *   PROCESSING --> COMPLETED
 * </pre>
 */
package kr.gyeol.window;
