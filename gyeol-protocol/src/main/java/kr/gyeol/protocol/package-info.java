/**
 * The Payple wire vocabulary: field names, response codes with their messages, the auth
 * routing table and lenient value parsing. No Spring; the only module where a
 * {@code PCD_} string may appear.
 */
package kr.gyeol.protocol;
