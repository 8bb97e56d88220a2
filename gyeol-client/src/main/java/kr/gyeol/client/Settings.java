package kr.gyeol.client;

/**
 * What a client was built with; immutable. Secrets never appear in {@link #toString()}.
 */
record Settings(Hosts hosts, String partnerId, String partnerKey, String referer, String refundKey,
        String overseasServiceId, String overseasServiceKey) {

    @Override
    public String toString() {
        return "Settings[hosts=" + this.hosts + ", partnerId=" + this.partnerId + ", referer=" + this.referer
                + ", overseasServiceId=" + this.overseasServiceId + "]";
    }

}
