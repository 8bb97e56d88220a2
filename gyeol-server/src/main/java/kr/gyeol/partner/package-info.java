/**
 * Partners, their hashed secrets, registered domains, client and refund keys, test or
 * live mode; partner authentication (auth.php) and the AuthKey sessions it issues,
 * single-use or reusable for thirty minutes and bound to one operation.
 *
 * <pre>
 * stateDiagram-v2
 *   [*] --> Issued: auth.php
 *   Issued --> Used: first call (single-use operations)
 *   Issued --> Expired: 30 minutes
 * </pre>
 */
package kr.gyeol.partner;
