package kr.gyeol.network;

/**
 * The card and bank networks as Gyeol sees them: a real seam, implemented by the
 * simulator today and by a network connection in production. Every call is keyed by a
 * reference that Gyeol chose and stored first, so an unknown outcome can be asked about
 * later.
 */
public interface Acquirer {

    /**
     * Checks a card at registration (Payple approves and voids a small amount, spec
     * §4.4).
     */
    Outcome verifyCard(CardDetails card);

    /** Checks a bank account at registration and starts the ARS call. */
    Outcome verifyAccount(AccountDetails account);

    /** Approves a card charge. */
    Outcome approve(String reference, CardDetails card, long amount);

    /**
     * The cards a customer's app offers: a card company's app (by its institution code)
     * or an easy-pay wallet ({@code kakaoPay}, {@code naverPay}).
     */
    java.util.List<AppCard> appCards(String provider);

    /**
     * Approves a charge that the customer approved in the app, for an app-card payment
     * (no billing key).
     * @param installmentMonths 0 for a lump sum
     */
    Outcome approveInApp(String reference, String appCardToken, int installmentMonths, long amount);

    /** Asks what became of an app-card charge whose outcome was unknown. */
    Outcome inquireInApp(String reference, String appCardToken, long amount);

    /**
     * Approves a card-not-present charge of the overseas API. The security code is
     * checked by the network and never kept.
     * @param amountMinor the amount in the currency's minor unit
     */
    Outcome approveForeign(String reference, CardDetails card, String securityCode, long amountMinor, String currency);

    /** Withdraws from a bank account. */
    Outcome withdraw(String reference, AccountDetails account, long amount);

    /**
     * Cancels all or part of an earlier approval or withdrawal.
     * @param originalReference the reference of the charge
     * @param reference the cancel's own reference
     */
    Outcome cancel(String originalReference, String reference, long amount);

    /** Asks what became of a charge whose outcome was unknown. */
    Outcome inquire(String reference, CardDetails card, AccountDetails account, long amount);

    /** Asks what became of a cancel whose outcome was unknown. */
    Outcome inquireCancel(String originalReference, String reference, long amount);

}
