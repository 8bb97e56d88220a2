/**
 * Link payments: a payment request with a URL of its own that the customer opens and pays
 * through the window.
 */
package kr.gyeol.link;
