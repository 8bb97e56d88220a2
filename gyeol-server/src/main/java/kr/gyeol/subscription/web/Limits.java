package kr.gyeol.subscription.web;

/** How many rows one list answer holds. */
final class Limits {

    private Limits() {
    }

    static int clamp(int limit) {
        return Math.max(1, Math.min(limit, 500));
    }

}
