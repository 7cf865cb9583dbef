package io.coupons.command.redemption;

import static io.coupons.command.redemption.RedemptionTestData.line;
import static io.coupons.command.redemption.RedemptionTestData.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.RedemptionId;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What makes a retry of a recorded (code, order) "the same request". */
class OrderFingerprintTest {

    private static RedemptionTestData.Order twoLines() {
        return order().accountId("acct-1").firstOrder(false).shippingFee("5.00").codesOnOrder("OTHER")
                .lines(line("V1", 2, "30.00"), line("V2", 1, "40.00"));
    }

    private static String fingerprint(RedemptionTestData.Order order) {
        return OrderFingerprint.of(order.build());
    }

    @Test
    void isAHexSha256() {
        assertThat(fingerprint(twoLines())).matches("[0-9a-f]{64}");
    }

    @Test
    void amountsCompareAsNumbers() {
        assertThat(fingerprint(twoLines().lines(line("V1", 2, "30"), line("V2", 1, "40.0")).shippingFee("5")
                .subtotal("100.000"))).isEqualTo(fingerprint(twoLines()));
    }

    @Test
    void aLeftOutValueIsTheValueItStandsFor() {
        assertThat(fingerprint(twoLines().subtotal("100.00"))).isEqualTo(fingerprint(twoLines()));
        assertThat(fingerprint(twoLines().firstOrder(null))).isEqualTo(fingerprint(twoLines().firstOrder(false)));
        assertThat(fingerprint(twoLines().accountId(" "))).isEqualTo(fingerprint(twoLines().accountId(null)));
        assertThat(fingerprint(order().lines(line("V1", 1, "10.00")).shippingFee("0.00")))
                .isEqualTo(fingerprint(order().lines(line("V1", 1, "10.00"))));
    }

    @Test
    void codesOnTheOrderAreASetAsTheStackingRuleReadsThem() {
        assertThat(fingerprint(twoLines().codesOnOrder(" other ", "MORE")))
                .isEqualTo(fingerprint(twoLines().codesOnOrder("MORE", "OTHER")));
    }

    @Test
    void everyFieldOfTheOrderCounts() {
        String same = fingerprint(twoLines());

        assertThat(fingerprint(twoLines().accountId("acct-2"))).isNotEqualTo(same);
        assertThat(fingerprint(twoLines().firstOrder(true))).isNotEqualTo(same);
        assertThat(fingerprint(twoLines().currency("EUR"))).isNotEqualTo(same);
        assertThat(fingerprint(twoLines().shippingFee("4.99"))).isNotEqualTo(same);
        assertThat(fingerprint(twoLines().codesOnOrder())).isNotEqualTo(same);
        assertThat(fingerprint(twoLines().lines(line("V1", 2, "30.00"), line("V2", 1, "40.01")))).isNotEqualTo(same);
        assertThat(fingerprint(twoLines().lines(line("V1", 1, "30.00"), line("V2", 1, "70.00")))).isNotEqualTo(same);
        assertThat(fingerprint(twoLines().lines(line("V3", 2, "30.00"), line("V2", 1, "40.00")))).isNotEqualTo(same);
        // In order: line discounts are answered by the line's position.
        assertThat(fingerprint(twoLines().lines(line("V2", 1, "40.00"), line("V1", 2, "30.00")))).isNotEqualTo(same);
    }

    @Test
    void aValueCannotPassForTheSeparatorOfTheNext() {
        assertThat(fingerprint(twoLines().codesOnOrder("A", "B")))
                .isNotEqualTo(fingerprint(twoLines().codesOnOrder("A B")));
    }

    @Test
    void aRecordedFingerprintDecidesWhenTheEventHasOne() {
        OrderContext order = twoLines().build();

        assertThat(OrderFingerprint.sameRequest(recorded("acct-1", "100.00", OrderFingerprint.of(order)), order))
                .isTrue();
        assertThat(OrderFingerprint.sameRequest(recorded("acct-1", "100.00",
                OrderFingerprint.of(twoLines().shippingFee("6.00").build())), order)).isFalse();
    }

    /** Events recorded before the fingerprint (revision 1) hold the account and the subtotal: those decide. */
    @Test
    void anEventWithoutFingerprintComparesTheAccountAndTheSubtotal() {
        OrderContext order = twoLines().build();

        assertThat(OrderFingerprint.sameRequest(recorded("acct-1", "100.0", null), order)).isTrue();
        assertThat(OrderFingerprint.sameRequest(recorded("acct-1", "100.00", null),
                twoLines().shippingFee("9.00").build())).isTrue();
        assertThat(OrderFingerprint.sameRequest(recorded("acct-2", "100.00", null), order)).isFalse();
        assertThat(OrderFingerprint.sameRequest(recorded(null, "100.00", null), order)).isFalse();
        assertThat(OrderFingerprint.sameRequest(recorded("acct-1", "90.00", null), order)).isFalse();
    }

    private static CodeRedeemedEvent recorded(String accountId, String subtotal, String fingerprint) {
        return new CodeRedeemedEvent(RedemptionId.of("SUMMER10", "order-1"), "SUMMER10",
                RedemptionTestData.CAMPAIGN, null, "order-1", accountId, Instant.parse("2026-06-15T12:00:00Z"), false,
                false, false, new BigDecimal(subtotal), null, fingerprint);
    }
}
