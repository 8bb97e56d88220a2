/**
 * The manual, served by the gateway at {@code /docs}: the README and the pages of
 * {@code docs/} as they are in the repository, packaged into the jar and rendered from
 * Markdown, offline, in the console's look.
 */
package kr.gyeol.manual;
