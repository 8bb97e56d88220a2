package kr.gyeol.shared;

/**
 * A partner: the {@code cst_id} of Payple's wire. Never blank; {@link #toString()} is the
 * id itself, so it reads in logs and messages as the string it stands for.
 */
public record PartnerId(String value) {

    public PartnerId {
        Ids.requireId(value, "PartnerId");
    }

    public static PartnerId of(String value) {
        return new PartnerId(value);
    }

    @Override
    public String toString() {
        return value;
    }

}
