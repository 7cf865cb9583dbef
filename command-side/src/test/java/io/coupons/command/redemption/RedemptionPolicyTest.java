package io.coupons.command.redemption;

import static io.coupons.api.redemption.RejectionReason.ARCHIVED;
import static io.coupons.api.redemption.RejectionReason.BELOW_MINIMUM;
import static io.coupons.api.redemption.RejectionReason.DELETED;
import static io.coupons.api.redemption.RejectionReason.DISABLED;
import static io.coupons.api.redemption.RejectionReason.EXPIRED;
import static io.coupons.api.redemption.RejectionReason.NOT_FIRST_ORDER;
import static io.coupons.api.redemption.RejectionReason.NOT_STACKABLE;
import static io.coupons.api.redemption.RejectionReason.NOT_STARTED;
import static io.coupons.api.redemption.RejectionReason.NO_ELIGIBLE_ITEMS;
import static io.coupons.api.redemption.RejectionReason.WRONG_ACCOUNT;
import static io.coupons.command.redemption.RedemptionTestData.NOW;
import static io.coupons.command.redemption.RedemptionTestData.code;
import static io.coupons.command.redemption.RedemptionTestData.line;
import static io.coupons.command.redemption.RedemptionTestData.order;
import static io.coupons.command.redemption.RedemptionTestData.terms;
import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.redemption.LineDiscount;
import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.RejectionReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per rule of {@link RedemptionPolicy#decide}: usage limits are the ledger's, not here. */
class RedemptionPolicyTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration MILLI = Duration.ofMillis(1);
    private static final RedemptionProperties DEFAULTS = new RedemptionProperties(null, null, null, null, null, null);

    // --- the code's own state ---

    @Test
    void rejectsDeletedCode() {
        assertRejected(decide(code().deleted()), DELETED);
    }

    @Test
    void rejectsDisabledCode() {
        assertRejected(decide(code().disabled()), DISABLED);
    }

    @Test
    void rejectsCodeWhoseCampaignHasNoDiscountRuleAsDisabled() {
        Verdict verdict = decide(code().withoutRule());

        assertRejected(verdict, DISABLED);
        assertThat(verdict.message()).contains("no discount rule");
    }

    @Test
    void rejectsCodeOfArchivedCampaign() {
        assertRejected(decide(code().archived()), ARCHIVED);
    }

    @Test
    void rejectsRedemptionBeforeCampaignStart() {
        assertRejected(decide(code().startsAt(NOW.plus(HOUR))), NOT_STARTED);
    }

    @Test
    void rejectsRedemptionBeforeRuleStart() {
        assertRejected(decide(code().terms(terms().startsAt(NOW.plus(HOUR)))), NOT_STARTED);
    }

    @Test
    void startsAtTheLaterOfCampaignStartAndRuleStart() {
        Instant later = NOW.plus(HOUR);
        RedemptionTestData.Code campaignLater = code().startsAt(later).terms(terms().startsAt(NOW.minus(HOUR)));
        RedemptionTestData.Code ruleLater = code().startsAt(NOW.minus(HOUR)).terms(terms().startsAt(later));

        assertRejected(decide(campaignLater, later.minus(MILLI)), NOT_STARTED);
        assertRejected(decide(ruleLater, later.minus(MILLI)), NOT_STARTED);
        assertThat(decide(campaignLater, later).accepted()).isTrue();
        assertThat(decide(ruleLater, later).accepted()).isTrue();
    }

    @Test
    void rejectsRedemptionAfterCampaignExpiry() {
        assertRejected(decide(code().expiresAt(NOW.minus(HOUR))), EXPIRED);
    }

    @Test
    void rejectsRedemptionAfterRuleEnd() {
        assertRejected(decide(code().terms(terms().endsAt(NOW.minus(HOUR)))), EXPIRED);
    }

    @Test
    void endsAtTheEarlierOfCampaignExpiryAndRuleEnd() {
        Instant earlier = NOW.plus(HOUR);
        Instant later = NOW.plus(HOUR.multipliedBy(2));
        RedemptionTestData.Code campaignEarlier = code().expiresAt(earlier).terms(terms().endsAt(later));
        RedemptionTestData.Code ruleEarlier = code().expiresAt(later).terms(terms().endsAt(earlier));

        assertRejected(decide(campaignEarlier, earlier), EXPIRED);
        assertRejected(decide(ruleEarlier, earlier), EXPIRED);
        assertThat(decide(campaignEarlier, earlier.minus(MILLI)).accepted()).isTrue();
        assertThat(decide(ruleEarlier, earlier.minus(MILLI)).accepted()).isTrue();
    }

    @Test
    void treatsTheEndAsExclusive() {
        Instant end = NOW.plus(HOUR);

        assertRejected(decide(code().expiresAt(end), end), EXPIRED);
        assertRejected(decide(code().terms(terms().endsAt(end)), end), EXPIRED);
        assertThat(decide(code().expiresAt(end), end.minus(MILLI)).accepted()).isTrue();
        assertThat(decide(code().terms(terms().endsAt(end)), end.minus(MILLI)).accepted()).isTrue();
    }

    // --- the account ---

    @Test
    void rejectsBoundCodeForAnotherAccount() {
        assertRejected(decide(code().boundTo("acct-2"), order().accountId("acct-1")), WRONG_ACCOUNT);
    }

    @Test
    void rejectsBoundCodeWithoutAccount() {
        assertRejected(decide(code().boundTo("acct-2"), order().accountId(null)), WRONG_ACCOUNT);
    }

    @Test
    void acceptsBoundCodeForItsAccount() {
        assertThat(decide(code().boundTo("acct-2"), order().accountId("acct-2")).accepted()).isTrue();
    }

    // --- the order ---

    @Test
    void rejectsFirstOrderCodeOnRepeatOrder() {
        assertRejected(decide(code().terms(terms().firstOrderOnly()), order().firstOrder(false)), NOT_FIRST_ORDER);
    }

    @Test
    void rejectsFirstOrderCodeWhenCheckoutDoesNotSayItIsTheFirstOrder() {
        assertRejected(decide(code().terms(terms().firstOrderOnly()), order().firstOrder(null)), NOT_FIRST_ORDER);
    }

    @Test
    void acceptsFirstOrderCodeOnFirstOrder() {
        assertThat(decide(code().terms(terms().firstOrderOnly()), order().firstOrder(true)).accepted()).isTrue();
    }

    @Test
    void rejectsOrderBelowMinimum() {
        Verdict verdict = decide(code().terms(terms().orderMinimum("50.00")), order().lines(line("V1", 1, "49.99")));

        assertRejected(verdict, BELOW_MINIMUM);
        assertThat(verdict.message()).contains("50.00 USD");
    }

    @Test
    void acceptsOrderExactlyAtMinimum() {
        Verdict verdict = decide(code().terms(terms().orderMinimum("50")), order().lines(line("V1", 1, "50.00")));

        assertThat(verdict.accepted()).isTrue();
    }

    @Test
    void rejectsOrderWithoutAnyListedVariant() {
        Verdict verdict = decide(code().terms(terms().variantIds("V7", "V8")),
                order().lines(line("V1", 1, "10.00"), line("V2", 1, "10.00")));

        assertRejected(verdict, NO_ELIGIBLE_ITEMS);
    }

    @Test
    void acceptsOrderHoldingOneListedVariant() {
        Verdict verdict = decide(code().terms(terms().variantIds("V7", "V2")),
                order().lines(line("V1", 1, "10.00"), line("V2", 1, "10.00")));

        assertThat(verdict.accepted()).isTrue();
    }

    @Test
    void rejectsOrderWithoutTargetingGroupMembers() {
        Verdict verdict = RedemptionPolicy.decide(code().terms(terms().variantTargetingGroup("summer-shoes")).build(),
                order().build(), NOW, Set.of(), 0, DEFAULTS);

        assertRejected(verdict, NO_ELIGIBLE_ITEMS);
    }

    @Test
    void acceptsOrderHoldingTargetingGroupMember() {
        Verdict verdict = RedemptionPolicy.decide(code().terms(terms().variantTargetingGroup("summer-shoes")).build(),
                order().lines(line("V1", 1, "10.00"), line("SHOE-1", 1, "40.00")).build(), NOW, Set.of("SHOE-1"),
                0, DEFAULTS);

        assertThat(verdict.accepted()).isTrue();
    }

    @Test
    void rejectsRuleWithAmountsInAnotherCurrency() {
        Verdict verdict = decide(code().terms(terms().flatAmountOff("5.00").currency("EUR")), order().currency("USD"));

        assertRejected(verdict, NO_ELIGIBLE_ITEMS);
        assertThat(verdict.message()).contains("EUR").contains("USD");
    }

    @Test
    void rejectsPercentRuleWithDiscountLimitInAnotherCurrency() {
        Verdict verdict = decide(code().terms(terms().percentOff("10").discountLimit("5.00").currency("EUR")),
                order().currency("USD"));

        assertRejected(verdict, NO_ELIGIBLE_ITEMS);
    }

    @Test
    void acceptsPercentOnlyRuleInAnotherCurrency() {
        Verdict verdict = decide(code().terms(terms().percentOff("10").currency("EUR")), order().currency("USD"));

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.discount().currency()).isEqualTo("USD");
        assertThat(verdict.discount().linesTotal()).isEqualTo(new BigDecimal("10.00"));
    }

    /**
     * The minimum is an amount in the rule's currency like the others ({@code hasAmounts} counts it),
     * so an order in another currency should get the currency reason. Instead the minimum is compared
     * first, number against number across currencies: 40.00 USD "is below" 50 EUR, while 5000 JPY
     * passes it and then gets the currency reason. The order is still refused, but with the wrong
     * reason and a message ("needs an order of at least 50.00 EUR") that the customer cannot act on.
     */
    @Test
    void rejectsMinimumInAnotherCurrencyForTheCurrencyNotTheAmount() {
        RedemptionTestData.Code code = code().terms(terms().percentOff("10").orderMinimum("50.00").currency("EUR"));

        assertRejected(decide(code, order().currency("USD").lines(line("V1", 1, "40.00"))), NO_ELIGIBLE_ITEMS);
        assertRejected(decide(code, order().currency("JPY").lines(line("V1", 1, "5000"))), NO_ELIGIBLE_ITEMS);
    }

    @Test
    void rejectsSecondCountingCodeWhenOrderAllowsOne() {
        Verdict verdict = RedemptionPolicy.decide(code().build(), order().codesOnOrder("OTHER").build(), NOW,
                Set.of(), 1, new RedemptionProperties(1, null, null, null, null, null));

        assertRejected(verdict, NOT_STACKABLE);
    }

    @Test
    void acceptsSecondCountingCodeWhenOrderAllowsTwo() {
        Verdict verdict = RedemptionPolicy.decide(code().build(), order().codesOnOrder("OTHER").build(), NOW,
                Set.of(), 1, new RedemptionProperties(2, null, null, null, null, null));

        assertThat(verdict.accepted()).isTrue();
    }

    @Test
    void acceptsStackableCodeWhateverTheOtherCodes() {
        Verdict verdict = RedemptionPolicy.decide(code().terms(terms().stackable()).build(),
                order().codesOnOrder("A", "B", "C").build(), NOW, Set.of(), 3, new RedemptionProperties(1, null,
                        null, null, null, null));

        assertThat(verdict.accepted()).isTrue();
    }

    // --- which reason wins ---

    @Test
    void reportsArchivedBeforeExpired() {
        assertRejected(decide(code().archived().expiresAt(NOW.minus(HOUR))), ARCHIVED);
    }

    @Test
    void reportsNotFirstOrderBeforeBelowMinimum() {
        Verdict verdict = decide(code().terms(terms().firstOrderOnly().orderMinimum("50.00")),
                order().firstOrder(false).lines(line("V1", 1, "10.00")));

        assertRejected(verdict, NOT_FIRST_ORDER);
    }

    /** Breaks every rule, then mends them one by one: each time the next reason in the fixed order shows. */
    @Test
    void reportsTheFirstBrokenRuleInTheDocumentedOrder() {
        RedemptionTestData.Terms terms = terms().firstOrderOnly().orderMinimum("50.00").variantIds("V9");
        RedemptionTestData.Code code = code().deleted().disabled().archived().startsAt(NOW.plus(HOUR))
                .expiresAt(NOW).boundTo("acct-2").terms(terms);
        RedemptionTestData.Order order = order().accountId("acct-1").firstOrder(false)
                .lines(line("V1", 1, "10.00"));
        RedemptionProperties oneCode = new RedemptionProperties(1, null, null, null, null, null);

        assertThat(reason(code, order, 1, oneCode)).isEqualTo(DELETED);
        code = code().disabled().archived().startsAt(NOW.plus(HOUR)).expiresAt(NOW).boundTo("acct-2").terms(terms);
        assertThat(reason(code, order, 1, oneCode)).isEqualTo(DISABLED);
        code = code().archived().startsAt(NOW.plus(HOUR)).expiresAt(NOW).boundTo("acct-2").terms(terms);
        assertThat(reason(code, order, 1, oneCode)).isEqualTo(ARCHIVED);
        code = code().startsAt(NOW.plus(HOUR)).expiresAt(NOW).boundTo("acct-2").terms(terms);
        assertThat(reason(code, order, 1, oneCode)).isEqualTo(NOT_STARTED);
        code = code().expiresAt(NOW).boundTo("acct-2").terms(terms);
        assertThat(reason(code, order, 1, oneCode)).isEqualTo(EXPIRED);
        code = code().boundTo("acct-2").terms(terms);
        assertThat(reason(code, order, 1, oneCode)).isEqualTo(WRONG_ACCOUNT);
        code = code().terms(terms);
        assertThat(reason(code, order, 1, oneCode)).isEqualTo(NOT_FIRST_ORDER);
        order.firstOrder(true);
        assertThat(reason(code, order, 1, oneCode)).isEqualTo(BELOW_MINIMUM);
        order.lines(line("V1", 1, "60.00"));
        assertThat(reason(code, order, 1, oneCode)).isEqualTo(NO_ELIGIBLE_ITEMS);
        order.lines(line("V9", 1, "60.00"));
        assertThat(reason(code, order, 1, oneCode)).isEqualTo(NOT_STACKABLE);
        assertThat(reason(code, order, 0, oneCode)).isNull();
    }

    // --- the answer ---

    @Test
    void acceptedVerdictCarriesTheDiscountAndDisplayMessage() {
        Verdict verdict = decide(code().terms(terms().percentOff("15").displayMessage("15% off your order")),
                order().lines(line("V1", 2, "20.00"), line("V2", 1, "40.00")));

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.reason()).isNull();
        assertThat(verdict.message()).isNull();
        assertThat(verdict.discount().displayMessage()).isEqualTo("15% off your order");
        assertThat(verdict.discount().currency()).isEqualTo("USD");
        assertThat(verdict.discount().linesTotal()).isEqualTo(new BigDecimal("12.00"));
        assertThat(verdict.discount().total()).isEqualTo(new BigDecimal("12.00"));
        assertThat(verdict.discount().lines()).containsExactly(
                new LineDiscount(0, "V1", new BigDecimal("6.00")),
                new LineDiscount(1, "V2", new BigDecimal("6.00")));
    }

    // --- helpers ---

    private static Verdict decide(RedemptionTestData.Code code) {
        return decide(code, order(), NOW);
    }

    private static Verdict decide(RedemptionTestData.Code code, Instant now) {
        return decide(code, order(), now);
    }

    private static Verdict decide(RedemptionTestData.Code code, RedemptionTestData.Order order) {
        return decide(code, order, NOW);
    }

    private static Verdict decide(RedemptionTestData.Code code, RedemptionTestData.Order order, Instant now) {
        return RedemptionPolicy.decide(code.build(), order.build(), now, Set.of(), 0, DEFAULTS);
    }

    private static RejectionReason reason(RedemptionTestData.Code code, RedemptionTestData.Order order,
                                          int otherCodes, RedemptionProperties settings) {
        OrderContext context = order.build();
        return RedemptionPolicy.decide(code.build(), context, NOW, Set.of(), otherCodes, settings).reason();
    }

    private static void assertRejected(Verdict verdict, RejectionReason reason) {
        assertThat(verdict.accepted()).as("accepted").isFalse();
        assertThat(verdict.reason()).isEqualTo(reason);
        assertThat(verdict.message()).contains("SUMMER10");
        assertThat(verdict.discount()).isNull();
    }
}
