/**
 * Small values every capability uses: money in minor units, random tokens, hashes and the
 * clock.
 */
package kr.gyeol.shared;
