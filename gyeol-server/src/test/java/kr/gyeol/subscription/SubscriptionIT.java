package kr.gyeol.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import kr.gyeol.client.Billing;
import kr.gyeol.client.BillingInterval;
import kr.gyeol.client.DunningSettings;
import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.Hosts;
import kr.gyeol.client.Invoice;
import kr.gyeol.client.InvalidRequestException;
import kr.gyeol.client.PlanRequest;
import kr.gyeol.client.Subscription;
import kr.gyeol.client.SubscriptionEvent;
import kr.gyeol.client.SubscriptionRequest;
import kr.gyeol.client.SubscriptionStatus;
import kr.gyeol.client.TestClock;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.support.GatewayTest;
import kr.gyeol.support.PaypleTestClient;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Payer;
import kr.gyeol.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recurring billing through the typed client and the {@code /v1} API, on test clocks:
 * renewals on the calendar, dunning on its schedule, hard declines, trials, cancels,
 * pauses, plan changes with proration, and every period charged once (checked in the
 * payments table).
 */
class SubscriptionIT extends GatewayTest {

    private static final String INSUFFICIENT_FUNDS = "4000000000009995";

    @Autowired
    JdbcClient jdbc;

    private Billing billing;

    @BeforeEach
    void billing() {
        this.billing = GyeolClient.builder()
            .hosts(Hosts.gyeol(this.payple.baseUrl()))
            .partner(PaypleTestClient.PARTNER, PaypleTestClient.SECRET)
            .referer(PaypleTestClient.REFERER)
            .build()
            .billing();
    }

    @AfterEach
    void defaultDunning() {
        this.jdbc.sql("DELETE FROM billing_settings").update();
    }

    private static Instant korean(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(KoreanTime.ZONE).toInstant();
    }

    private TestClock clockAt(String localDateTime) {
        return this.billing.createTestClock("it", korean(localDateTime));
    }

    private Subscription subscribe(PlanRequest plan, String card, TestClock clock) {
        String planId = this.billing.createPlan(plan).id();
        return this.billing
            .subscribe(SubscriptionRequest.of(planId, this.payple.registerCard(card)).onTestClock(clock.id()));
    }

    private long approvedPayments(String subscriptionId) {
        return this.jdbc.sql("SELECT count(*) FROM payments WHERE user_define1 = :id AND status = 'APPROVED'")
            .param("id", subscriptionId)
            .query(Long.class)
            .single();
    }

    private List<String> eventTypes(String subscriptionId) {
        return this.billing.events(subscriptionId).stream().map(SubscriptionEvent::type).toList();
    }

    @Test
    void aMonthlySubscriptionAnchoredOnThe31stRenewsOnEachMonthsLastDayWhenShorterAndIsChargedOncePerPeriod() {
        TestClock clock = clockAt("2024-01-31T10:00");
        Subscription created = subscribe(PlanRequest.monthly("월간 구독", 9900), PaypleTestClient.CARD, clock);
        assertThat(created.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(created.currentPeriodEnd()).isEqualTo(korean("2024-02-29T10:00"));

        assertThat(this.billing.advance(clock.id(), korean("2024-06-01T00:00")).stillDue()).isZero();

        List<Invoice> invoices = this.billing.invoices(created.id());
        assertThat(invoices).extracting(Invoice::periodStart)
            .containsExactly(korean("2024-05-31T10:00"), korean("2024-04-30T10:00"), korean("2024-03-31T10:00"),
                    korean("2024-02-29T10:00"), korean("2024-01-31T10:00"));
        assertThat(invoices).extracting(Invoice::status).containsOnly("PAID");
        assertThat(invoices).extracting(Invoice::amount).containsOnly(9900L);
        assertThat(approvedPayments(created.id())).isEqualTo(5);
        // Monthly duplicate prevention: each charge under the month of its period.
        assertThat(this.jdbc.sql("""
                SELECT billing_year * 100 + billing_month FROM payments WHERE user_define1 = :id ORDER BY 1
                """).param("id", created.id()).query(Integer.class).list()).containsExactly(202401, 202402, 202403,
                202404, 202405);
        Subscription renewed = this.billing.subscription(created.id());
        assertThat(renewed.periodNumber()).isEqualTo(4);
        assertThat(renewed.currentPeriodEnd()).isEqualTo(korean("2024-06-30T10:00"));
        assertThat(eventTypes(created.id())).containsExactly("SUBSCRIPTION_CREATED", "SUBSCRIPTION_RENEWED",
                "SUBSCRIPTION_RENEWED", "SUBSCRIPTION_RENEWED", "SUBSCRIPTION_RENEWED", "SUBSCRIPTION_RENEWED");

        // Advancing again to the same time changes nothing.
        assertThat(this.billing.advance(clock.id(), korean("2024-06-01T00:00")).steps()).isZero();
        assertThat(approvedPayments(created.id())).isEqualTo(5);
    }

    @Test
    void insufficientFundsAreRetriedOnTheDunningScheduleThenTheSubscriptionIsUnpaid() {
        TestClock clock = clockAt("2025-03-10T09:00");
        Subscription created = subscribe(PlanRequest.monthly("부족", 5000), INSUFFICIENT_FUNDS, clock);
        assertThat(created.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(created.nextActionAt()).isEqualTo(korean("2025-03-11T09:00"));

        this.billing.advance(clock.id(), korean("2025-03-14T09:00"));
        Invoice open = this.billing.invoices(created.id()).get(0);
        assertThat(open.status()).isEqualTo("OPEN");
        assertThat(open.history()).extracting(Invoice.Attempt::attemptedAt)
            .containsExactly(korean("2025-03-10T09:00"), korean("2025-03-11T09:00"), korean("2025-03-13T09:00"));
        assertThat(open.nextRetryAt()).isEqualTo(korean("2025-03-15T09:00"));

        this.billing.advance(clock.id(), korean("2025-04-30T00:00"));
        Invoice uncollected = this.billing.invoices(created.id()).get(0);
        assertThat(uncollected.status()).isEqualTo("UNCOLLECTIBLE");
        assertThat(uncollected.history()).hasSize(5)
            .extracting(Invoice.Attempt::declineReason)
            .containsOnly("INSUFFICIENT_FUNDS");
        assertThat(uncollected.history()).extracting(Invoice.Attempt::orderId)
            .containsExactly(created.id() + "-P0-A1", created.id() + "-P0-A2", created.id() + "-P0-A3",
                    created.id() + "-P0-A4", created.id() + "-P0-A5");
        Subscription unpaid = this.billing.subscription(created.id());
        assertThat(unpaid.status()).isEqualTo(SubscriptionStatus.UNPAID);
        assertThat(unpaid.nextActionAt()).isNull();
        assertThat(this.billing.invoices(created.id())).hasSize(1);
        assertThat(eventTypes(created.id())).containsExactly("SUBSCRIPTION_CREATED", "SUBSCRIPTION_CHARGE_FAILED",
                "SUBSCRIPTION_PAST_DUE", "SUBSCRIPTION_CHARGE_FAILED", "SUBSCRIPTION_CHARGE_FAILED",
                "SUBSCRIPTION_CHARGE_FAILED", "SUBSCRIPTION_CHARGE_FAILED", "SUBSCRIPTION_UNPAID");
    }

    @Test
    void aPastDueSubscriptionIsRetriedAtOnceOnANewBillingKeyAndRenewsFromThere() {
        TestClock clock = clockAt("2025-05-01T12:00");
        Subscription created = subscribe(PlanRequest.monthly("카드 교체", 7000), INSUFFICIENT_FUNDS, clock);
        assertThat(created.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        this.billing.advance(clock.id(), korean("2025-05-02T15:00"));

        Subscription recovered = this.billing.changeBillingKey(created.id(),
                this.payple.registerCard(PaypleTestClient.CARD));
        assertThat(recovered.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(recovered.nextActionAt()).isEqualTo(korean("2025-06-01T12:00"));
        Invoice paid = this.billing.invoices(created.id()).get(0);
        assertThat(paid.status()).isEqualTo("PAID");
        assertThat(paid.history()).extracting(Invoice.Attempt::status)
            .containsExactly("DECLINED", "DECLINED", "APPROVED");
        assertThat(approvedPayments(created.id())).isEqualTo(1);
    }

    @Test
    void aRevokedBillingKeyIsAHardFailureNeverRetriedAndThePartnerMayCancelInsteadOfKeepingItUnpaid() {
        this.billing.configureDunning(new DunningSettings(List.of(2, 4), SubscriptionStatus.CANCELED));
        TestClock clock = clockAt("2025-01-15T08:00");
        Subscription created = subscribe(PlanRequest.monthly("해지된 키", 3000), PaypleTestClient.CARD, clock);
        this.payple.revoke(created.billingKey());

        this.billing.advance(clock.id(), korean("2025-03-01T00:00"));
        Subscription canceled = this.billing.subscription(created.id());
        assertThat(canceled.status()).isEqualTo(SubscriptionStatus.CANCELED);
        Invoice failed = this.billing.invoices(created.id()).get(0);
        assertThat(failed.periodNumber()).isEqualTo(1);
        assertThat(failed.status()).isEqualTo("UNCOLLECTIBLE");
        assertThat(failed.history()).singleElement().satisfies((attempt) -> {
            assertThat(attempt.status()).isEqualTo("REFUSED");
            assertThat(attempt.declineReason()).isEqualTo("BILLING_KEY_REVOKED");
            assertThat(attempt.hardDecline()).isTrue();
        });
        assertThat(eventTypes(created.id())).endsWith("SUBSCRIPTION_CHARGE_FAILED", "SUBSCRIPTION_CANCELED");
    }

    @Test
    void aTrialTellsItsEndThreeDaysAheadAndChargesTheFirstPeriodWhenItEnds() {
        TestClock clock = clockAt("2025-02-01T20:00");
        Subscription trialing = subscribe(PlanRequest.monthly("체험", 12000).withTrialDays(14), PaypleTestClient.CARD,
                clock);
        assertThat(trialing.status()).isEqualTo(SubscriptionStatus.TRIALING);
        assertThat(trialing.trialEnd()).isEqualTo(korean("2025-02-15T20:00"));
        assertThat(trialing.nextActionAt()).isEqualTo(korean("2025-02-12T20:00"));
        assertThat(approvedPayments(trialing.id())).isZero();

        this.billing.advance(clock.id(), korean("2025-02-13T00:00"));
        assertThat(eventTypes(trialing.id())).containsExactly("SUBSCRIPTION_CREATED", "SUBSCRIPTION_TRIAL_ENDING");
        assertThat(approvedPayments(trialing.id())).isZero();

        this.billing.advance(clock.id(), korean("2025-02-16T00:00"));
        Subscription active = this.billing.subscription(trialing.id());
        assertThat(active.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(active.currentPeriodStart()).isEqualTo(korean("2025-02-15T20:00"));
        assertThat(active.currentPeriodEnd()).isEqualTo(korean("2025-03-15T20:00"));
        assertThat(approvedPayments(trialing.id())).isEqualTo(1);
    }

    @Test
    void cancelingAtThePeriodsEndStopsTheNextRenewalAndCancelingNowStopsEverything() {
        TestClock clock = clockAt("2025-07-01T10:00");
        Subscription weekly = subscribe(new PlanRequest("주간", 2000, "KRW", BillingInterval.WEEK, 1, 0),
                PaypleTestClient.CARD, clock);
        assertThat(this.billing.cancelAtPeriodEnd(weekly.id()).cancelAtPeriodEnd()).isTrue();
        this.billing.advance(clock.id(), korean("2025-07-30T00:00"));
        Subscription ended = this.billing.subscription(weekly.id());
        assertThat(ended.status()).isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(ended.canceledAt()).isEqualTo(korean("2025-07-08T10:00"));
        assertThat(approvedPayments(weekly.id())).isEqualTo(1);

        Subscription daily = subscribe(new PlanRequest("일간", 1000, "KRW", BillingInterval.DAY, 1, 0),
                PaypleTestClient.CARD, clock);
        assertThat(this.billing.cancel(daily.id()).status()).isEqualTo(SubscriptionStatus.CANCELED);
        this.billing.advance(clock.id(), korean("2025-08-10T00:00"));
        assertThat(approvedPayments(daily.id())).isEqualTo(1);
        assertThatThrownBy(() -> this.billing.cancel(daily.id())).isInstanceOf(InvalidRequestException.class)
            .extracting((e) -> ((InvalidRequestException) e).code())
            .isEqualTo("subscription-canceled");
    }

    @Test
    void aPausedSubscriptionIsNotRenewedAndResumingAfterItsPeriodStartsAndChargesANewOneAtOnce() {
        TestClock clock = clockAt("2025-09-05T09:30");
        Subscription created = subscribe(PlanRequest.monthly("일시정지", 4000), PaypleTestClient.CARD, clock);
        assertThat(this.billing.pause(created.id()).status()).isEqualTo(SubscriptionStatus.PAUSED);
        this.billing.advance(clock.id(), korean("2025-12-20T09:30"));
        assertThat(approvedPayments(created.id())).isEqualTo(1);

        Subscription resumed = this.billing.resume(created.id());
        assertThat(resumed.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(resumed.periodNumber()).isEqualTo(1);
        assertThat(resumed.currentPeriodStart()).isEqualTo(korean("2025-12-20T09:30"));
        assertThat(resumed.currentPeriodEnd()).isEqualTo(korean("2026-01-20T09:30"));
        assertThat(approvedPayments(created.id())).isEqualTo(2);
    }

    @Test
    void changingPlanMidPeriodProratesTheDaysLeftOnTheNextRenewal() {
        TestClock clock = clockAt("2025-04-01T00:00");
        Subscription created = subscribe(PlanRequest.monthly("베이직", 10_000), PaypleTestClient.CARD, clock);
        String premium = this.billing.createPlan(PlanRequest.monthly("프리미엄", 40_000)).id();
        this.billing.advance(clock.id(), korean("2025-04-16T12:00"));

        Subscription upgraded = this.billing.changePlan(created.id(), premium);
        // April has 30 days; the 16th to the 30th are 15 of them: 30,000 × 15 / 30.
        assertThat(upgraded.balance()).isEqualTo(15_000);
        this.billing.advance(clock.id(), korean("2025-05-01T00:00"));
        assertThat(this.billing.invoices(created.id()).get(0).amount()).isEqualTo(55_000);
        assertThat(this.billing.subscription(created.id()).balance()).isZero();

        String cheap = this.billing.createPlan(PlanRequest.monthly("라이트", 1_000)).id();
        this.billing.advance(clock.id(), korean("2025-05-02T00:00"));
        // Back down on 2 May: 39,000 × 30 / 31 credited, more than the next month's
        // 1,000.
        Subscription downgraded = this.billing.changePlan(created.id(), cheap);
        assertThat(downgraded.balance()).isEqualTo(-37_742);
        this.billing.advance(clock.id(), korean("2025-06-01T00:00"));
        assertThat(this.billing.invoices(created.id()).get(0).amount()).isZero();
        assertThat(this.billing.invoices(created.id()).get(0).status()).isEqualTo("PAID");
        assertThat(this.billing.subscription(created.id()).balance()).isEqualTo(-36_742);
        assertThat(approvedPayments(created.id())).isEqualTo(2);
    }

    @Test
    void aBillingKeyBacksOneLiveSubscriptionAndRefusalsAreProblemsWithStableCodes() {
        TestClock clock = clockAt("2025-10-01T00:00");
        String key = this.payple.registerCard(PaypleTestClient.CARD);
        String plan = this.billing.createPlan(PlanRequest.monthly("하나만", 1000)).id();
        this.billing.subscribe(SubscriptionRequest.of(plan, key).onTestClock(clock.id()));
        assertThatThrownBy(() -> this.billing.subscribe(SubscriptionRequest.of(plan, key).onTestClock(clock.id())))
            .isInstanceOfSatisfying(InvalidRequestException.class,
                    (e) -> assertThat(e.code()).isEqualTo("billing-key-in-use"));
        assertThatThrownBy(() -> this.billing.subscribe(SubscriptionRequest.of("plan_nope", key)))
            .isInstanceOfSatisfying(InvalidRequestException.class,
                    (e) -> assertThat(e.code()).isEqualTo("no-such-plan"));
        assertThatThrownBy(() -> this.billing.subscribe(SubscriptionRequest.of(plan, "nope"))).isInstanceOfSatisfying(
                InvalidRequestException.class, (e) -> assertThat(e.code()).isEqualTo("no-such-billing-key"));
        assertThatThrownBy(() -> this.billing.createPlan(new PlanRequest("x", 0, "KRW", BillingInterval.MONTH, 1, 0)))
            .isInstanceOfSatisfying(InvalidRequestException.class,
                    (e) -> assertThat(e.code()).isEqualTo("invalid-plan"));
        assertThatThrownBy(() -> this.billing.advance(clock.id(), korean("2025-09-01T00:00"))).isInstanceOfSatisfying(
                InvalidRequestException.class, (e) -> assertThat(e.code()).isEqualTo("clock-cannot-go-back"));
    }

    @Test
    void liveModePartnersCannotUseTestClocks() {
        Billing live = GyeolClient.builder()
            .hosts(Hosts.gyeol(this.payple.baseUrl()))
            .partner("strict", "strict-secret-0123456789")
            .referer("https://shop.example.com")
            .build()
            .billing();
        assertThatThrownBy(() -> live.createTestClock("no", null)).isInstanceOfSatisfying(InvalidRequestException.class,
                (e) -> assertThat(e.code()).isEqualTo("test-mode-only"));
        // And they see none of another partner's.
        TestClock mine = clockAt("2025-01-01T00:00");
        assertThatThrownBy(() -> live.testClock(mine.id())).isInstanceOfSatisfying(InvalidRequestException.class,
                (e) -> assertThat(e.code()).isEqualTo("no-such-test-clock"));
    }

    @Test
    void subscriptionsOnRealTimeAreRenewedByTheBackgroundJobWhenTheirPeriodEnds() {
        String plan = this.billing.createPlan(new PlanRequest("실시간", 1500, "KRW", BillingInterval.DAY, 1, 0)).id();
        Subscription created = this.billing
            .subscribe(SubscriptionRequest.of(plan, this.payple.registerCard(PaypleTestClient.CARD)));
        assertThat(approvedPayments(created.id())).isEqualTo(1);
        this.clock.advance(Duration.ofDays(2).plusMinutes(1));
        this.renewals.runDue(null);
        assertThat(approvedPayments(created.id())).isEqualTo(3);
        assertThat(this.billing.subscription(created.id()).periodNumber()).isEqualTo(2);
    }

    @Autowired
    Renewals renewals;

    @Autowired
    kr.gyeol.shared.Settlement settlement;

    @Test
    void aRenewalWhoseOutcomeIsUnknownWaitsForTheReconcilerAndIsNeverChargedAgain() {
        TestClock clock = clockAt("2025-11-03T14:00");
        Subscription created = subscribe(PlanRequest.monthly("응답 없음", 6000), "4000000000000119", clock);
        // The network did not answer: the period is neither paid nor retried.
        Invoice open = this.billing.invoices(created.id()).get(0);
        assertThat(open.status()).isEqualTo("OPEN");
        assertThat(open.history()).singleElement()
            .satisfies((attempt) -> assertThat(attempt.status()).isEqualTo("UNKNOWN"));
        assertThat(this.billing.advance(clock.id(), korean("2025-11-20T00:00")).stillDue()).isEqualTo(1);
        assertThat(this.billing.invoices(created.id()).get(0).history()).hasSize(1);

        // The reconciler asks the network (it had approved); the renewal then reads that.
        this.clock.advance(Duration.ofSeconds(31));
        this.settlement.settleDue();
        assertThat(this.billing.advance(clock.id(), korean("2025-11-20T00:00")).stillDue()).isZero();
        Invoice paid = this.billing.invoices(created.id()).get(0);
        assertThat(paid.status()).isEqualTo("PAID");
        assertThat(paid.history()).singleElement().satisfies((attempt) -> {
            assertThat(attempt.status()).isEqualTo("APPROVED");
            assertThat(attempt.orderId()).isEqualTo(created.id() + "-P0-A1");
        });
        assertThat(this.billing.subscription(created.id()).status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(approvedPayments(created.id())).isEqualTo(1);
        assertThat(this.jdbc.sql("SELECT count(*) FROM payments WHERE user_define1 = :id")
            .param("id", created.id())
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    @Autowired
    Vault vault;

    @Test
    void aUsdPlanRenewsAForeignCardThroughTheOverseasApiWithoutItsSecurityCode() {
        String foreign = this.vault
            .registerForeignCard(PartnerId.of(PaypleTestClient.PARTNER), PaypleTestClient.CARD, "30", "12",
                    new Payer(null, "Hong Gildong", null, "payer@example.com"))
            .id()
            .value();
        TestClock clock = clockAt("2025-08-31T21:00");
        String plan = this.billing.createPlan(new PlanRequest("Global", 999, "USD", BillingInterval.MONTH, 1, 0)).id();
        Subscription created = this.billing.subscribe(SubscriptionRequest.of(plan, foreign).onTestClock(clock.id()));
        assertThat(created.status()).isEqualTo(SubscriptionStatus.ACTIVE);

        this.billing.advance(clock.id(), korean("2025-11-01T00:00"));
        assertThat(this.billing.invoices(created.id())).hasSize(3).allSatisfy((invoice) -> {
            assertThat(invoice.status()).isEqualTo("PAID");
            assertThat(invoice.currency()).isEqualTo("USD");
        })
            .extracting(Invoice::periodStart)
            .containsExactly(korean("2025-10-31T21:00"), korean("2025-09-30T21:00"), korean("2025-08-31T21:00"));
        assertThat(this.jdbc
            .sql("SELECT api || ' ' || currency || ' ' || amount || ' ' || status FROM payments"
                    + " WHERE order_id LIKE :prefix ORDER BY order_id")
            .param("prefix", created.id() + "-%")
            .query(String.class)
            .list()).hasSize(3).containsOnly("GPAY USD 999 APPROVED");
        // A dollar plan charges cards through the overseas API: an account cannot back
        // it.
        String account = this.payple.registerAccount("100012345678");
        assertThatThrownBy(() -> this.billing.subscribe(SubscriptionRequest.of(plan, account))).isInstanceOfSatisfying(
                InvalidRequestException.class, (e) -> assertThat(e.code()).isEqualTo("currency-mismatch"));
    }

    @Test
    void anotherPartnerSeesNoneOfThisPartnersPlansSubscriptionsOrKeys() {
        Billing other = GyeolClient.builder()
            .hosts(Hosts.gyeol(this.payple.baseUrl()))
            .partner("strict", "strict-secret-0123456789")
            .referer("https://shop.example.com")
            .build()
            .billing();
        TestClock clock = clockAt("2025-06-01T00:00");
        Subscription mine = subscribe(PlanRequest.monthly("내 구독", 2000), PaypleTestClient.CARD, clock);
        String myKey = this.payple.registerCard(PaypleTestClient.CARD);
        String theirPlan = other.createPlan(PlanRequest.monthly("남의 요금제", 2000)).id();
        assertThatThrownBy(() -> other.subscription(mine.id())).isInstanceOfSatisfying(InvalidRequestException.class,
                (e) -> assertThat(e.code()).isEqualTo("no-such-subscription"));
        assertThatThrownBy(() -> other.cancel(mine.id())).isInstanceOfSatisfying(InvalidRequestException.class,
                (e) -> assertThat(e.code()).isEqualTo("no-such-subscription"));
        assertThatThrownBy(() -> other.invoices(mine.id())).isInstanceOfSatisfying(InvalidRequestException.class,
                (e) -> assertThat(e.code()).isEqualTo("no-such-subscription"));
        assertThatThrownBy(() -> other.plan(mine.planId())).isInstanceOfSatisfying(InvalidRequestException.class,
                (e) -> assertThat(e.code()).isEqualTo("no-such-plan"));
        assertThatThrownBy(() -> other.subscribe(SubscriptionRequest.of(theirPlan, myKey))).isInstanceOfSatisfying(
                InvalidRequestException.class, (e) -> assertThat(e.code()).isEqualTo("no-such-billing-key"));
        assertThatThrownBy(() -> this.billing.changePlan(mine.id(), theirPlan)).isInstanceOfSatisfying(
                InvalidRequestException.class, (e) -> assertThat(e.code()).isEqualTo("no-such-plan"));
        assertThat(other.subscriptions(null, null)).extracting(Subscription::id).doesNotContain(mine.id());
        assertThat(this.billing.subscription(mine.id()).status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

}
