package kr.gyeol.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kr.gyeol.client.BillingKey;
import kr.gyeol.client.CardRegistration;
import kr.gyeol.client.Charge;
import kr.gyeol.client.ChargeResult;
import kr.gyeol.client.DuplicateOrderException;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.OutcomeUnknownException;
import kr.gyeol.client.PayType;
import kr.gyeol.client.Payer;
import kr.gyeol.e2e.support.GatewayCluster;
import kr.gyeol.e2e.support.GatewayProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway nodes on one PostgreSQL, a client on each: a billing key registered on one
 * node is charged through the other, an order id or a month raced across both is charged
 * once (the losers get {@link DuplicateOrderException}), and a charge left unknown on one
 * node is settled and found through the other.
 */
class MultiNodeClientE2EIT {

    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    private GatewayCluster cluster;

    @AfterEach
    void stop() throws Exception {
        ClientE2ECases.stop(this.cluster);
    }

    private GyeolClient node(String name) throws Exception {
        return ClientE2ECases.clientOf(this.cluster.start(name));
    }

    /** Charges from 20 threads, alternating nodes; how many were approved. */
    private static int race(GyeolClient a, GyeolClient b, java.util.function.IntFunction<Charge> charge)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ChargeResult>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            GyeolClient client = (i % 2 == 0) ? a : b;
            Charge attempt = charge.apply(i);
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return client.payments().charge(attempt);
                }
                catch (DuplicateOrderException refused) {
                    return null;
                }
            }));
        }
        go.countDown();
        int approved = 0;
        for (Future<ChargeResult> result : results) {
            ChargeResult outcome = result.get(60, TimeUnit.SECONDS);
            if (outcome != null) {
                assertThat(outcome).isInstanceOf(ChargeResult.Approved.class);
                approved++;
            }
        }
        pool.shutdownNow();
        return approved;
    }

    @Test
    void nodesShareKeysOrderIdsMonthsAndUnknownOutcomes() throws Exception {
        this.cluster = new GatewayCluster(ClientE2ECases.SETTINGS);
        GyeolClient a = node("a");
        GyeolClient b = node("b");

        BillingKey card = a.billingKeys()
            .registerCard(new CardRegistration(new Payer("1", "홍길동", null, null), "900101", ClientE2ECases.CARD, "30",
                    "12", "12"));
        assertThat(b.billingKeys().find(card.id()).maskedCardNumber()).isEqualTo("4242-****-****-4242");
        assertThat(b.payments().charge(Charge.builder(PayType.CARD, card.id(), "노드", 1_000).build()))
            .isInstanceOf(ChargeResult.Approved.class);

        String orderId = "e2e-nodes" + System.nanoTime();
        assertThat(race(a, b, (i) -> Charge.builder(PayType.CARD, card.id(), "노드 경합", 1_000).orderId(orderId).build()))
            .isOne();
        YearMonth month = YearMonth.of(2026, 12);
        assertThat(race(a, b,
                (i) -> Charge.builder(PayType.CARD, card.id(), "노드 월", 1_000)
                    .orderId("e2e-month" + i + "-" + System.nanoTime())
                    .monthly(month)
                    .build()))
            .isOne();

        String timeoutKey = a.billingKeys()
            .registerCard(new CardRegistration(Payer.NONE, "900101", "4000000000000119", "30", "12", "12"))
            .id();
        String unknownOrder = "e2e-nodes-unknown" + System.nanoTime();
        assertThatThrownBy(() -> a.payments()
            .charge(Charge.builder(PayType.CARD, timeoutKey, "노드", 1_000).orderId(unknownOrder).build()))
            .isInstanceOf(OutcomeUnknownException.class);
        Optional<ChargeResult> settled = await("the unknown charge settled").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .ignoreExceptionsInstanceOf(OutcomeUnknownException.class)
            .until(() -> b.payments().lookup(PayType.CARD, unknownOrder, LocalDate.now(KOREA)), Optional::isPresent);
        assertThat(settled.get()).isInstanceOf(ChargeResult.Approved.class);
    }

}
