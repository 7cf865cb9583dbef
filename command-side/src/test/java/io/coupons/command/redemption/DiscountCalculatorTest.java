package io.coupons.command.redemption;

import static io.coupons.command.redemption.RedemptionTestData.line;
import static io.coupons.command.redemption.RedemptionTestData.order;
import static io.coupons.command.redemption.RedemptionTestData.terms;
import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.redemption.Discount;
import io.coupons.api.redemption.LineDiscount;
import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.OrderLine;
import io.coupons.api.rule.DiscountTerms;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Money: amounts are compared with their scale ({@code "1.50"} is not {@code "1.5"}), because the
 * scale is part of what checkout receives.
 */
class DiscountCalculatorTest {

    @Test
    void roundsPercentHalfUpAtTheCurrencyScale() {
        // 15 % of 9.99 = 1.4985; 12.5 % of 0.20 = 0.025 (half-even would give 0.02)
        assertMoney(discount(terms().percentOff("15"), order().lines(line("V1", 1, "9.99"))).linesTotal(), "1.50");
        assertMoney(discount(terms().percentOff("12.5"), order().lines(line("V1", 1, "0.20"))).linesTotal(), "0.03");
    }

    @Test
    void capsPercentAtTheDiscountLimit() {
        Discount discount = discount(terms().percentOff("50").discountLimit("20"),
                order().lines(line("V1", 1, "60.00"), line("V2", 1, "40.00")));

        assertMoney(discount.linesTotal(), "20.00");
        assertThat(discount.lines()).containsExactly(
                new LineDiscount(0, "V1", new BigDecimal("12.00")),
                new LineDiscount(1, "V2", new BigDecimal("8.00")));
    }

    @Test
    void appliesPercentOnlyToSelectedVariantsWhenTheRuleSaysSo() {
        Discount discount = discount(terms().percentOff("50").variantIds("A").percentOnlyOnSelectedVariants(),
                order().lines(line("A", 1, "10.00"), line("B", 1, "20.00")));

        assertMoney(discount.linesTotal(), "5.00");
        assertThat(discount.lines()).containsExactly(new LineDiscount(0, "A", new BigDecimal("5.00")));
    }

    @Test
    void appliesPercentToEveryLineWhenVariantsOnlyGateTheCode() {
        Discount discount = discount(terms().percentOff("50").variantIds("A"),
                order().lines(line("A", 1, "10.00"), line("B", 1, "20.00")));

        assertMoney(discount.linesTotal(), "15.00");
        assertThat(discount.lines()).containsExactly(
                new LineDiscount(0, "A", new BigDecimal("5.00")),
                new LineDiscount(1, "B", new BigDecimal("10.00")));
    }

    @Test
    void spreadsFlatAmountOverEqualLinesGivingTheLeftoverCentToTheEarlierLine() {
        Discount discount = discount(terms().flatAmountOff("10.00"),
                order().lines(line("V1", 1, "5.00"), line("V2", 1, "5.00"), line("V3", 1, "5.00")));

        assertThat(lineAmounts(discount)).containsExactly("3.34", "3.33", "3.33");
        assertMoney(discount.linesTotal(), "10.00");
    }

    @Test
    void spreadsFlatAmountInProportionGivingTheLeftoverCentToTheLargestRemainder() {
        // exact shares 0.333... and 0.666...: the second line's remainder is larger
        Discount discount = discount(terms().flatAmountOff("1.00"),
                order().lines(line("V1", 1, "1.00"), line("V2", 2, "1.00")));

        assertThat(lineAmounts(discount)).containsExactly("0.33", "0.67");
    }

    @Test
    void appliesFlatUpToTheEligibleSubtotalAndTurnsTheRestIntoCredit() {
        Discount discount = discount(terms().flatAmountOff("30.00").creditFromOverage(),
                order().lines(line("V1", 1, "12.00"), line("V2", 1, "8.00")), true);

        assertMoney(discount.linesTotal(), "20.00");
        assertMoney(discount.credit(), "10.00");
        assertMoney(discount.total(), "20.00");
        assertThat(lineAmounts(discount)).containsExactly("12.00", "8.00");
    }

    @Test
    void givesNoCreditWhenCreditsAreDisabled() {
        Discount discount = discount(terms().flatAmountOff("30.00").creditFromOverage(),
                order().lines(line("V1", 1, "20.00")), false);

        assertMoney(discount.linesTotal(), "20.00");
        assertMoney(discount.credit(), "0.00");
    }

    @Test
    void givesNoCreditWhenTheRuleDoesNotAskForIt() {
        Discount discount = discount(terms().flatAmountOff("30.00"), order().lines(line("V1", 1, "20.00")), true);

        assertMoney(discount.linesTotal(), "20.00");
        assertMoney(discount.credit(), "0.00");
    }

    @Test
    void waivesTheShippingFeeAndAddsItToTheTotal() {
        Discount discount = discount(terms().percentOff("10").freeGroundShipping(),
                order().lines(line("V1", 1, "20.00")).shippingFee("4.99"));

        assertThat(discount.freeShipping()).isTrue();
        assertMoney(discount.linesTotal(), "2.00");
        assertMoney(discount.shippingDiscount(), "4.99");
        assertMoney(discount.total(), "6.99");
    }

    @Test
    void freeShippingOnlyRuleTakesNothingOffTheItems() {
        Discount discount = discount(terms().freeGroundShippingOnly(),
                order().lines(line("V1", 1, "20.00")).shippingFee("4.99"));

        assertMoney(discount.linesTotal(), "0.00");
        assertThat(discount.lines()).isEmpty();
        assertMoney(discount.total(), "4.99");
    }

    @Test
    void freeShippingWithoutShippingFeeWaivesNothing() {
        Discount discount = discount(terms().freeGroundShippingOnly(), order().lines(line("V1", 1, "20.00")));

        assertThat(discount.freeShipping()).isTrue();
        assertMoney(discount.shippingDiscount(), "0.00");
        assertMoney(discount.total(), "0.00");
    }

    @Test
    void roundsToWholeYen() {
        Discount percent = discount(terms().percentOff("15").currency("JPY"),
                order().currency("JPY").lines(line("V1", 1, "999")));
        Discount flat = discount(terms().flatAmountOff("100").currency("JPY"),
                order().currency("JPY").lines(line("V1", 1, "500"), line("V2", 1, "500"), line("V3", 1, "500")));

        assertMoney(percent.linesTotal(), "150"); // 149.85
        assertThat(lineAmounts(flat)).containsExactly("34", "33", "33");
        assertMoney(flat.credit(), "0");
    }

    @Test
    void roundsToTheFilsForThreeDecimalCurrencies() {
        Discount percent = discount(terms().percentOff("12.5").currency("BHD"),
                order().currency("BHD").lines(line("V1", 1, "0.004")));
        Discount flat = discount(terms().flatAmountOff("1.000").currency("KWD"),
                order().currency("KWD").lines(line("V1", 1, "2.500"), line("V2", 1, "2.500"), line("V3", 1, "2.500")));

        assertMoney(percent.linesTotal(), "0.001"); // 0.0005
        assertThat(lineAmounts(flat)).containsExactly("0.334", "0.333", "0.333");
    }

    /** Checkout refuses such orders (OrderContextPolicy); the calculator alone gives no discount no line carries. */
    @Test
    void givesNothingOffTheItemsOfAnOrderWithoutLines() {
        Discount percent = discount(terms().percentOff("25"), order().lines().subtotal("80.00"));
        Discount flat = discount(terms().flatAmountOff("10"), order().lines().subtotal("80.00"));

        assertMoney(percent.linesTotal(), "0.00");
        assertThat(percent.lines()).isEmpty();
        assertMoney(flat.linesTotal(), "0.00");
        assertThat(flat.lines()).isEmpty();
    }

    /** Random orders and rules (fixed seed, so a failure is reproducible): the allocation invariants. */
    @Test
    void lineAmountsAlwaysAddUpToTheTotalAndNeverExceedTheirLine() {
        Random random = new Random(20260615L);
        String[] currencies = {"USD", "EUR", "JPY", "BHD"};
        for (int run = 0; run < 5_000; run++) {
            String currency = currencies[random.nextInt(currencies.length)];
            int scale = RedemptionPolicy.scale(currency);
            List<OrderLine> lines = new ArrayList<>();
            for (int i = random.nextInt(8) + 1; i > 0; i--) {
                lines.add(line("V" + random.nextInt(6), random.nextInt(5) + 1,
                        BigDecimal.valueOf(random.nextInt(20_000), scale).toPlainString()));
            }
            RedemptionTestData.Terms terms = terms().currency(currency);
            if (random.nextBoolean()) {
                terms.percentOff(BigDecimal.valueOf(random.nextInt(10_000) + 1, 2).toPlainString());
                if (random.nextBoolean()) {
                    terms.discountLimit(BigDecimal.valueOf(random.nextInt(5_000) + 1, scale).toPlainString());
                }
                if (random.nextBoolean()) {
                    terms.variantIds("V" + random.nextInt(6), "V" + random.nextInt(6)).percentOnlyOnSelectedVariants();
                }
            } else {
                terms.flatAmountOff(BigDecimal.valueOf(random.nextInt(100_000) + 1, scale).toPlainString())
                        .creditFromOverage();
            }
            DiscountTerms rule = terms.build();
            OrderContext order = order().currency(currency).lines(lines).build();
            boolean[] eligible = RedemptionPolicy.Eligibility.of(rule, order.lines(), Set.of()).lines();
            String context = "run " + run + ": " + rule + " on " + order;

            Discount discount = DiscountCalculator.calculate(rule, order, eligible, scale, true);

            assertThat(discount.linesTotal().scale()).as(context).isEqualTo(scale);
            BigDecimal sum = BigDecimal.ZERO.setScale(scale);
            BigDecimal base = BigDecimal.ZERO;
            Set<Integer> seen = new HashSet<>();
            for (LineDiscount share : discount.lines()) {
                OrderLine orderLine = order.lines().get(share.line());
                BigDecimal lineAmount = orderLine.unitPrice().multiply(BigDecimal.valueOf(orderLine.quantity()));
                assertThat(seen.add(share.line())).as(context).isTrue();
                assertThat(eligible[share.line()]).as(context).isTrue();
                assertThat(share.variantId()).as(context).isEqualTo(orderLine.variantId());
                assertThat(share.amount().scale()).as(context).isEqualTo(scale);
                assertThat(share.amount().signum()).as(context).isPositive();
                assertThat(share.amount()).as(context).isLessThanOrEqualTo(lineAmount);
                sum = sum.add(share.amount());
            }
            for (int i = 0; i < eligible.length; i++) {
                if (eligible[i]) {
                    base = base.add(order.lines().get(i).unitPrice()
                            .multiply(BigDecimal.valueOf(order.lines().get(i).quantity())));
                }
            }
            assertThat(sum).as(context).isEqualTo(discount.linesTotal());
            assertThat(discount.linesTotal()).as(context).isLessThanOrEqualTo(base);
            if (rule.percentOff() != null) {
                BigDecimal exact = base.multiply(rule.percentOff()).divide(BigDecimal.valueOf(100));
                if (rule.discountLimit() != null) {
                    exact = exact.min(rule.discountLimit());
                }
                assertThat(discount.linesTotal()).as(context).isEqualTo(exact.setScale(scale, RoundingMode.HALF_UP));
            } else {
                assertThat(discount.linesTotal().add(discount.credit())).as(context)
                        .isEqualTo(rule.flatAmountOff().setScale(scale));
            }
            assertThat(discount.total()).as(context).isEqualTo(discount.linesTotal().add(discount.shippingDiscount()));
        }
    }

    private static Discount discount(RedemptionTestData.Terms terms, RedemptionTestData.Order order) {
        return discount(terms, order, true);
    }

    /** As the policy calls it: eligibility from the rule, scale from the order's currency. */
    private static Discount discount(RedemptionTestData.Terms terms, RedemptionTestData.Order order,
                                     boolean creditsEnabled) {
        DiscountTerms rule = terms.build();
        OrderContext context = order.build();
        boolean[] eligible = RedemptionPolicy.Eligibility.of(rule, context.lines(), Set.of()).lines();
        return DiscountCalculator.calculate(rule, context, eligible, RedemptionPolicy.scale(context.currency()),
                creditsEnabled);
    }

    private static List<String> lineAmounts(Discount discount) {
        return discount.lines().stream().map(l -> l.amount().toPlainString()).toList();
    }

    /** Value and scale: {@code BigDecimal.equals}. */
    private static void assertMoney(BigDecimal actual, String expected) {
        assertThat(actual).isEqualTo(new BigDecimal(expected));
        assertThat(actual.toPlainString()).isEqualTo(expected);
    }
}
