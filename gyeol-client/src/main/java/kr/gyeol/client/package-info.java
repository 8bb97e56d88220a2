/**
 * A plain-Java client for the Payple partner API, for Payple's own hosts or for Gyeol.
 * Start at {@link kr.gyeol.client.GyeolClient}: build one, share it, and call its
 * operation groups ({@code billingKeys()}, {@code payments()}, {@code links()},
 * {@code cashReceipts()}, {@code overseas()}). Requests and answers are records with
 * domain names; the {@code PCD_*} wire names stay inside.
 */
package kr.gyeol.client;
