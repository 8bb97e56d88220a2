package kr.gyeol.link;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import kr.gyeol.link.jdbc.LinkRepository;
import kr.gyeol.partner.IssuedSession;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.payment.PaymentStatus;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.Tokens;

import org.springframework.stereotype.Service;

/**
 * Creates link payments and opens their window: the link page asks for a window AuthKey
 * bound to the link, as a partner's server would from auth.php.
 */
@Service
public class LinkService {

    /** The context of a window AuthKey issued for a link, which lets its account PAY. */
    public static final String CONTEXT_PREFIX = "link:";

    private final LinkRepository links;

    private final PaymentService payments;

    private final PartnerAuthentication authentication;

    private final Clock clock;

    LinkService(LinkRepository links, PaymentService payments, PartnerAuthentication authentication, Clock clock) {
        this.links = links;
        this.payments = payments;
        this.authentication = authentication;
        this.clock = clock;
    }

    /** Stores a new link with a fresh key and order id. */
    public PaymentLink create(PaymentLink request) {
        String key = Tokens.urlSafe(24);
        PaymentLink link = new PaymentLink(key, request.partnerId(),
                OrderId.of("link" + KoreanTime.seconds(this.clock.instant()) + Tokens.digits(8)), request.methods(),
                request.goods(), request.amount(), request.taxable(), request.vat(), request.cashReceipt(),
                request.memo(), request.billingPeriod(), request.expiresOn(), this.clock.instant());
        this.links.insert(link);
        return link;
    }

    /** A page of a partner's links, newest first. */
    public java.util.List<PaymentLink> list(kr.gyeol.shared.PartnerId partnerId, int limit, int offset) {
        return this.links.listOf(partnerId, limit, offset);
    }

    public Optional<PaymentLink> find(String key) {
        return this.links.find(key);
    }

    /** Today in Korea, against which expiry dates are read. */
    public LocalDate today() {
        return this.clock.instant().atZone(KoreanTime.ZONE).toLocalDate();
    }

    /** Whether the link can no longer be paid because its last day has passed. */
    public boolean expired(PaymentLink link) {
        return today().isAfter(link.expiresOn());
    }

    /** The link's payment once it was approved. */
    public Optional<Payment> paid(PaymentLink link) {
        return this.payments.find(link.partnerId(), link.orderId())
            .filter((payment) -> payment.status() == PaymentStatus.APPROVED);
    }

    /** A single-use window AuthKey for paying the link. */
    public IssuedSession windowSession(PaymentLink link) {
        return this.authentication.issueFollowUp(link.partnerId(), Operation.PAYMENT_WINDOW,
                CONTEXT_PREFIX + link.key());
    }

}
