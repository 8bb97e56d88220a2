package kr.gyeol.shared;

/** The one rule every typed id shares. */
final class Ids {

    private Ids() {
    }

    static void requireId(String value, String type) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(type + " cannot be blank");
        }
    }

}
