/**
 * The test kit's side of the gateway: throw-away test-mode partners, each with its own
 * webhook receiver, made on demand for one test of a shop's suite ({@code gyeol-junit},
 * or any language through {@code POST /v1/test-kit/partners}). Off unless an operator
 * sets {@code gyeol.test-kit.key}.
 */
package kr.gyeol.testkit;
