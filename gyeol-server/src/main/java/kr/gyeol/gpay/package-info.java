/**
 * The overseas card API (gpay, spec §5): service ids and bearer tokens so far.
 */
package kr.gyeol.gpay;
