/**
 * The {@link kr.gyeol.network.Acquirer} seam between Gyeol and the card and bank
 * networks, and the deterministic simulator that implements it by default. Outcomes are
 * values: approved, declined, or unknown when the network did not answer.
 */
package kr.gyeol.network;
