package kr.gyeol.network;

import java.util.List;
import java.util.function.Supplier;
import kr.gyeol.shared.Money;

/**
 * The card and bank networks as Gyeol sees them: a real seam, implemented by the
 * simulator today and by a network connection in production. Every call is keyed by a
 * reference that Gyeol chose and stored first, so an unknown outcome can be asked about
 * later. Amounts are {@link Money} in the currency's minor unit.
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
    Outcome approve(String reference, CardDetails card, Money amount);

    /**
     * The cards a customer's app offers: a card company's app (by its institution code)
     * or an easy-pay wallet ({@code kakaoPay}, {@code naverPay}).
     */
    List<AppCard> appCards(String provider);

    /**
     * Approves a charge that the customer approved in the app, for an app-card payment
     * (no billing key).
     * @param installmentMonths 0 for a lump sum
     */
    Outcome approveInApp(String reference, String appCardToken, int installmentMonths, Money amount);

    /** Asks what became of an app-card charge whose outcome was unknown. */
    Outcome inquireInApp(String reference, String appCardToken, Money amount);

    /**
     * Approves a card-not-present charge of the overseas API. The security code is
     * checked by the network and never kept.
     */
    Outcome approveForeign(String reference, CardDetails card, String securityCode, Money amount);

    /**
     * Approves a merchant-initiated charge of a stored foreign card (a subscription's
     * renewal): no cardholder is present to give the security code, so none is sent; the
     * network relies on the stored credential and its first, cardholder-present charge.
     */
    Outcome approveForeignRecurring(String reference, CardDetails card, Money amount);

    /** Withdraws from a bank account. */
    Outcome withdraw(String reference, AccountDetails account, Money amount);

    /**
     * Cancels all or part of an earlier approval or withdrawal.
     * @param originalReference the reference of the charge
     * @param reference the cancel's own reference
     */
    Outcome cancel(String originalReference, String reference, Money amount);

    /**
     * Asks what became of a charge whose outcome was unknown. A network knows its charges
     * by reference; {@code instrument} decrypts the billing key only when called, for an
     * acquirer that cannot answer without it.
     */
    Outcome inquire(String reference, Money amount, Supplier<Instrument> instrument);

    /** Asks what became of a cancel whose outcome was unknown. */
    Outcome inquireCancel(String originalReference, String reference, Money amount);

}
