/** The deterministic card and bank network simulator, Gyeol's default acquirer. */
package kr.gyeol.network.simulator;
