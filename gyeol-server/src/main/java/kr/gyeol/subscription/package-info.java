/**
 * Recurring billing on top of billing keys: plans, subscriptions and their periods, the
 * renewal job that charges due periods on every node at once (claimed with
 * {@code FOR UPDATE SKIP LOCKED}, each attempt under a deterministic order id), dunning,
 * subscription webhooks and test clocks.
 */
package kr.gyeol.subscription;
