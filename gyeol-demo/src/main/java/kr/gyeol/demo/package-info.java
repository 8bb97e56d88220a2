/**
 * A small partner shop served under {@code /demo}: it uses only what a real partner would
 * — its own server calls auth.php and the REST operations over HTTP, its page loads the
 * SDK — so a new user can walk through every flow right after starting the gateway.
 */
package kr.gyeol.demo;
