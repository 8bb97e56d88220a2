/**
 * The partner console under {@code /console}: sign-in sessions kept in the database (so
 * any node serves any page), and pages that show and act on a partner's payments, billing
 * keys and webhooks through the same services as the APIs, never around them.
 */
package kr.gyeol.console;
