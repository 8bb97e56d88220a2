/**
 * A partner's payments as a developer follows them: the latest ones, and one payment's
 * whole history (its refunds, and its webhooks with every delivery attempt), read through
 * the payment, refund and webhook capabilities' own services. Its edge is
 * {@code /v1/payments}, which {@code gyeol payments} reads.
 */
package kr.gyeol.activity;
