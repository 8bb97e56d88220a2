package kr.gyeol.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The client: one per partner, immutable and safe to share between threads. Build it once
 * and keep it.
 *
 * <pre>{@code
 * GyeolClient client = GyeolClient.builder()
 *     .hosts(Hosts.gyeol("http://localhost:8080"))   // or Hosts.PAYPLE_TEST, Hosts.PAYPLE_LIVE
 *     .partner("test", "abcd1234567890")
 *     .referer("http://localhost:8080")
 *     .refundKey(refundKey)
 *     .overseasService("demo", "abcd1234567890")
 *     .build();
 * ChargeResult result = client.payments().charge(Charge.builder(PayType.CARD, billingKey, "구독", 9900).build());
 * }</pre>
 *
 * <p>
 * Retries: partner authentication, lookups and tokens are retried after a connection
 * error or an HTTP 5xx, as the {@link RetryPolicy} says. Payments, refunds,
 * registrations, revocations, links and cash receipts are sent once; a payment whose
 * outcome is unknown is looked up by its order id instead.
 */
public final class GyeolClient {

    private final Settings settings;

    private final BillingKeys billingKeys;

    private final Payments payments;

    private final Links links;

    private final CashReceipts cashReceipts;

    private final Overseas overseas;

    private final Windows windows;

    private final TestMode testMode;

    private final WebhookLog webhookLog;

    private final Listener listener;

    private final PaymentLog paymentLog;

    private final Billing billing;

    private GyeolClient(Builder builder) {
        this.settings = new Settings(builder.hosts, builder.partnerId, builder.partnerKey, builder.referer,
                builder.refundKey, builder.overseasServiceId, builder.overseasServiceKey);
        Transport transport = builder.transport != null ? builder.transport
                : new HttpClientTransport(builder.connectTimeout, builder.requestTimeout);
        Wire wire = new Wire(transport, builder.retries, builder.sleeper);
        OrderIds orderIds = new OrderIds(builder.clock);
        Domestic domestic = new Domestic(wire, this.settings, builder.clock);
        this.billingKeys = new BillingKeys(domestic);
        this.payments = new Payments(domestic, orderIds);
        this.links = new Links(domestic);
        this.cashReceipts = new CashReceipts(domestic);
        this.windows = new Windows(domestic);
        this.overseas = new Overseas(wire, this.settings, builder.clock, orderIds);
        JsonApi json = new JsonApi(wire, this.settings);
        this.billing = new Billing(json);
        this.testMode = new TestMode(json);
        this.webhookLog = new WebhookLog(json);
        this.listener = new Listener(json);
        this.paymentLog = new PaymentLog(json);
    }

    /** A builder; {@link Builder#hosts} and {@link Builder#partner} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A test-mode partner's controls on Gyeol ({@code /v1/test}, not part of Payple's
     * API): faults, settling now, delivering a webhook again.
     */
    public TestMode testMode() {
        return this.testMode;
    }

    /**
     * The partner's webhook events on Gyeol ({@code /admin/webhooks/events}): the latest,
     * with their attempts, and delivering one again.
     */
    public WebhookLog webhookLog() {
        return this.webhookLog;
    }

    /**
     * The partner's payments on Gyeol ({@code /v1/payments}): the latest, and one
     * payment's history with its refunds and webhooks.
     */
    public PaymentLog paymentLog() {
        return this.paymentLog;
    }

    /**
     * The partner's webhook events for a listener that forwards them itself
     * ({@code /v1/listen}).
     */
    public Listener listener() {
        return this.listener;
    }

    /**
     * Recurring billing on Gyeol ({@code /v1}, not part of Payple's API): plans,
     * subscriptions, invoices, dunning and test clocks.
     */
    public Billing billing() {
        return this.billing;
    }

    /** Billing keys: register, look up, revoke. */
    public BillingKeys billingKeys() {
        return this.billingKeys;
    }

    /** The payment window's server side: the SDK's auth file and the posted result. */
    public Windows windows() {
        return this.windows;
    }

    /** Domestic payments: charge, confirm, look up, refund. */
    public Payments payments() {
        return this.payments;
    }

    /** Link payments. */
    public Links links() {
        return this.links;
    }

    /** Cash receipts. */
    public CashReceipts cashReceipts() {
        return this.cashReceipts;
    }

    /** The overseas card API. */
    public Overseas overseas() {
        return this.overseas;
    }

    @Override
    public String toString() {
        return "GyeolClient[" + this.settings + "]";
    }

    /** Builds a {@link GyeolClient}. Not thread-safe; the client it builds is. */
    public static final class Builder {

        private Hosts hosts;

        private String partnerId;

        private String partnerKey;

        private String referer;

        private String refundKey;

        private String overseasServiceId;

        private String overseasServiceKey;

        private Duration connectTimeout = Duration.ofSeconds(5);

        private Duration requestTimeout = Duration.ofSeconds(60);

        private RetryPolicy retries = RetryPolicy.DEFAULT;

        private Transport transport;

        private Clock clock = Clock.systemUTC();

        private Wire.Sleeper sleeper = (duration) -> Thread.sleep(duration.toMillis());

        private Builder() {
        }

        /** Where to send calls: Payple's test or live hosts, or a Gyeol gateway. */
        public Builder hosts(Hosts hosts) {
            this.hosts = Objects.requireNonNull(hosts, "hosts");
            return this;
        }

        /** The partner id ({@code cst_id}) and key ({@code custKey}). */
        public Builder partner(String id, String key) {
            this.partnerId = Objects.requireNonNull(id, "id");
            this.partnerKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * The {@code Referer} sent with every domestic call: an address on a domain
         * registered for the partner (spec §4.2).
         */
        public Builder referer(String referer) {
            this.referer = referer;
            return this;
        }

        /** The refund key ({@code PCD_REFUND_KEY}) that refunds need. */
        public Builder refundKey(String refundKey) {
            this.refundKey = refundKey;
            return this;
        }

        /** The overseas API's {@code service_id} and {@code service_key}. */
        public Builder overseasService(String serviceId, String serviceKey) {
            this.overseasServiceId = Objects.requireNonNull(serviceId, "serviceId");
            this.overseasServiceKey = Objects.requireNonNull(serviceKey, "serviceKey");
            return this;
        }

        /** How long to wait for a connection; 5 seconds unless set. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /**
         * How long to wait for a whole answer; 60 seconds unless set, since a bank
         * withdrawal can take long.
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout);
            return this;
        }

        /** How idempotent calls are retried; {@link RetryPolicy#DEFAULT} unless set. */
        public Builder retries(RetryPolicy policy) {
            this.retries = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Replaces the HTTP transport, e.g. in tests; the timeouts then are the
         * transport's business.
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * The clock that dates lookups and ages sessions; the system's unless set.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        Builder sleeper(Wire.Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** The client. */
        public GyeolClient build() {
            if (this.hosts == null) {
                throw new IllegalStateException("hosts are required: Hosts.PAYPLE_TEST, Hosts.gyeol(url), …");
            }
            if (this.partnerId == null) {
                throw new IllegalStateException("partner(id, key) is required");
            }
            return new GyeolClient(this);
        }

        private static Duration positive(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("A timeout must be positive: " + timeout);
            }
            return timeout;
        }

    }

}
