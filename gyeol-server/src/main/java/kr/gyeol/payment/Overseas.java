package kr.gyeol.payment;

/**
 * What an overseas (gpay) payment keeps beyond a domestic one: the payer's name in two
 * parts and the partner's echoed fields.
 *
 * @param serviceDefine the partner's own value, echoed in every answer
 * @param resultUrl where the window and the webhook say the result goes
 */
public record Overseas(String firstName, String lastName, String serviceDefine, String resultUrl) {

    /** The payer's name as one string, or null when neither part is given. */
    public String fullName() {
        String name = ((this.firstName == null ? "" : this.firstName) + " "
                + (this.lastName == null ? "" : this.lastName))
            .trim();
        return name.isEmpty() ? null : name;
    }

}
