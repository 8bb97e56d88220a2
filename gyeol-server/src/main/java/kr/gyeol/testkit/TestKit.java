package kr.gyeol.testkit;

import java.util.List;
import java.util.Optional;

import kr.gyeol.gpay.GpayTokens;
import kr.gyeol.partner.TestModePartners;
import kr.gyeol.payment.PaymentSettlement;
import kr.gyeol.refund.RefundSettlement;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.webhook.WebhookEndpoint;
import kr.gyeol.webhook.WebhookEndpoints;
import kr.gyeol.webhook.WebhookFormat;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes the test kit's partners, each with its webhook receiver, in one transaction. */
@Service
public class TestKit {

    /** Where a test partner's pages may be served from when the caller names none. */
    public static final List<String> LOCAL_DOMAINS = List.of("localhost", "127.0.0.1");

    private final TestModePartners partners;

    private final WebhookEndpoints webhooks;

    private final PaymentSettlement payments;

    private final RefundSettlement refunds;

    private final GpayTokens overseas;

    TestKit(TestModePartners partners, WebhookEndpoints webhooks, PaymentSettlement payments, RefundSettlement refunds,
            GpayTokens overseas) {
        this.partners = partners;
        this.webhooks = webhooks;
        this.payments = payments;
        this.refunds = refunds;
        this.overseas = overseas;
    }

    /**
     * Settles the partner's payments and refunds whose outcome is unknown now, instead of
     * after the reconciler's wait; how many rows were taken up (theirs and any others
     * already due).
     */
    public int settleNow(PartnerId partnerId) {
        return this.payments.settleNow(partnerId) + this.refunds.settleNow(partnerId);
    }

    /**
     * A new partner and its webhook receiver (none when {@code resultUrl} is null).
     *
     * @param gpayServiceId its {@code service_id} on the overseas API (its partner id)
     * @param webhook the receiver's settings, or null for none
     */
    public record TestPartner(TestModePartners.Credentials credentials, String gpayServiceId,
            Optional<WebhookEndpoint> webhook) {
    }

    /** The receiver a test partner's events go to. */
    public record Receiver(String resultUrl, String revocationUrl, WebhookFormat format) {
    }

    /**
     * Makes a test-mode partner, enrolled for overseas payments, with its receiver when
     * one is given.
     * @throws ReceiverRefused when a receiver URL is not one a test partner may reach
     * (nothing is made)
     */
    @Transactional
    public TestPartner createPartner(List<String> domains, Receiver receiver) {
        TestModePartners.Credentials credentials = this.partners
            .create(domains == null || domains.isEmpty() ? LOCAL_DOMAINS : domains);
        String serviceId = this.overseas.enrol(credentials.id());
        if (receiver == null) {
            return new TestPartner(credentials, serviceId, Optional.empty());
        }
        Optional<String> refusal = this.webhooks.refusal(credentials.id(), receiver.resultUrl(),
                receiver.revocationUrl());
        if (refusal.isPresent()) {
            throw new ReceiverRefused(refusal.get());
        }
        try {
            return new TestPartner(credentials, serviceId, Optional.of(this.webhooks.configure(credentials.id(),
                    receiver.resultUrl(), receiver.revocationUrl(), receiver.format(), null)));
        }
        catch (IllegalArgumentException invalid) {
            throw new ReceiverRefused(invalid.getMessage());
        }
    }

    /** A receiver URL a test partner may not have; the transaction is rolled back. */
    public static final class ReceiverRefused extends RuntimeException {

        public ReceiverRefused(String why) {
            super(why, null, false, false);
        }

    }

}
