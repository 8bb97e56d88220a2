package kr.gyeol.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The domain rules under concurrent requests over HTTP, enforced by the database. */
class ConcurrencyIT extends GatewayTest {

    @Autowired
    JdbcClient jdbc;

    private static <T> List<T> race(int parallel, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyParallelChargesWithOneOrderIdChargeOnce() throws Exception {
        String key = payple.registerCard(PaypleTestClient.CARD);
        String orderId = PaypleTestClient.uniqueOrderId("race");
        List<Map<String, String>> answers = race(50, () -> payple.chargeCard(key, orderId, 1000));
        assertThat(answers.stream().filter(a -> "success".equals(a.get("PCD_PAY_RST")))).hasSize(1);
        assertThat(answers.stream().filter(a -> "SPCD0014".equals(a.get("PCD_PAY_CODE")))).hasSize(49);
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE order_id = :orderId")
            .param("orderId", orderId)
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    @Test
    void twentyParallelPartialRefundsNeverExceedThePayment() throws Exception {
        String key = this.payple.registerCard(PaypleTestClient.CARD);
        String today = KoreanTime.date(this.clock.instant());
        // Several rounds, each with its sessions made beforehand so that only the refunds
        // race.
        for (int round = 0; round < 3; round++) {
            String orderId = PaypleTestClient.uniqueOrderId("refundrace");
            this.payple.chargeCard(key, orderId, 10_000);
            java.util.concurrent.BlockingQueue<Map<String, String>> sessions = new java.util.concurrent.LinkedBlockingQueue<>();
            for (int i = 0; i < 20; i++) {
                sessions.add(this.payple.auth(Map.of("PCD_PAYCANCEL_FLAG", "Y")));
            }
            // 20 × 700 = 14,000 asked of a 10,000 payment: 14 fit, 6 must be refused.
            List<Map<String, String>> answers = race(20, () -> {
                Map<String, String> session = sessions.take();
                return this.payple.post(session.get("return_url"),
                        PaypleTestClient.withEnvelope(session,
                                Map.of("PCD_REFUND_KEY", PaypleTestClient.REFUND_KEY, "PCD_PAYCANCEL_FLAG", "Y",
                                        "PCD_PAY_OID", orderId, "PCD_PAY_DATE", today, "PCD_REFUND_TOTAL", "700")));
            });
            long succeeded = answers.stream().filter(a -> "PAYC0000".equals(a.get("PCD_PAY_CODE"))).count();
            assertThat(succeeded).isEqualTo(14);
            assertThat(answers.stream().filter(a -> "PAYC0011".equals(a.get("PCD_PAY_CODE")))).hasSize(6);
            long refunded = this.jdbc.sql("""
                    SELECT COALESCE(SUM(r.amount), 0) FROM refunds r JOIN payments p ON p.id = r.payment_id
                    WHERE p.order_id = :orderId AND r.status <> 'DECLINED'
                    """).param("orderId", orderId).query(Long.class).single();
            assertThat(refunded).isEqualTo(9_800).isLessThanOrEqualTo(10_000);
        }
    }

    @Test
    void twoRequestsRacingWithOneAuthKeyOneSucceeds() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = payple.registerCard(PaypleTestClient.CARD);
            Map<String, String> session = payple.auth(Map.of("PCD_PAY_TYPE", "card", "PCD_SIMPLE_FLAG", "Y"));
            List<Map<String, String>> answers = race(2,
                    () -> payple.post(session.get("return_url"),
                            PaypleTestClient.withEnvelope(session,
                                    Map.of("PCD_PAYER_ID", key, "PCD_PAY_GOODS", "race", "PCD_PAY_TOTAL", "1000",
                                            "PCD_PAY_OID", PaypleTestClient.uniqueOrderId("authrace")))));
            assertThat(answers.stream().filter(a -> "SPCD0000".equals(a.get("PCD_PAY_CODE")))).hasSize(1);
            assertThat(answers.stream().filter(a -> "SPCD0004".equals(a.get("PCD_PAY_CODE")))).hasSize(1);
        }
    }

}
