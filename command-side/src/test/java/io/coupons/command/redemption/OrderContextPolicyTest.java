package io.coupons.command.redemption;

import static io.coupons.command.redemption.RedemptionTestData.line;
import static io.coupons.command.redemption.RedemptionTestData.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coupons.api.common.CommandRejection;
import io.coupons.api.common.FieldViolation;
import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.OrderLine;
import io.coupons.command.common.CommandRejectedException;
import io.coupons.command.common.Violations;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape of a checkout request: each broken field is named, all of them in one answer. */
class OrderContextPolicyTest {

    @Test
    void acceptsWellFormedRequest() {
        assertThat(violations("SUMMER10", order().shippingFee("4.99").codesOnOrder("OTHER"))).isEmpty();
    }

    @Test
    void requiresOrder() {
        assertThat(fields(check("SUMMER10", null))).containsExactly("order");
    }

    @Test
    void requiresOrderId() {
        assertThat(fields("SUMMER10", order().orderId(" "))).containsExactly("order.orderId");
    }

    @Test
    void requiresCurrency() {
        assertThat(fields("SUMMER10", order().currency(null))).containsExactly("order.currency");
    }

    @Test
    void rejectsCurrencyThatIsNotIso4217() {
        assertThat(fields("SUMMER10", order().currency("EURO"))).containsExactly("order.currency");
        assertThat(fields("SUMMER10", order().currency("usd"))).containsExactly("order.currency");
    }

    @Test
    void rejectsIsoCodesThatAreNotMoney() {
        for (String notMoney : List.of("XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XUA")) {
            assertThat(violations("SUMMER10", order().currency(notMoney)))
                    .extracting(FieldViolation::field).as(notMoney).containsExactly("order.currency");
        }
    }

    @Test
    void rejectsNegativeSubtotal() {
        assertThat(violations("SUMMER10", order().subtotal("-0.01")))
                .containsExactly(new FieldViolation("order.subtotal", "must not be negative"));
    }

    @Test
    void rejectsAmountsWithMoreDecimalsThanTheCurrencyAllows() {
        assertThat(fields("SUMMER10", order().subtotal("10.001"))).containsExactly("order.subtotal");
        assertThat(fields("SUMMER10", order().currency("JPY").lines(line("V1", 1, "100.5")).subtotal("100")))
                .containsExactly("order.lines[0].unitPrice");
        assertThat(fields("SUMMER10", order().currency("JPY").lines(line("V1", 1, "100")).shippingFee("5.5")))
                .containsExactly("order.shippingFee");
    }

    @Test
    void acceptsTrailingZerosBeyondTheCurrencyScale() {
        assertThat(violations("SUMMER10", order().subtotal("10.500").lines(line("V1", 1, "10.500")))).isEmpty();
    }

    @Test
    void requiresAtLeastOneLine() {
        OrderContext withoutLines = new OrderContext("order-1", "acct-1", true, new BigDecimal("80.00"), null, null,
                null, "USD");

        assertThat(fields("SUMMER10", order().lines().subtotal("80.00"))).containsExactly("order.lines");
        assertThat(fields(check("SUMMER10", withoutLines))).containsExactly("order.lines");
    }

    @Test
    void rejectsSubtotalThatIsNotTheSumOfTheLines() {
        RedemptionTestData.Order order = order().lines(line("V1", 2, "30.00"), line("V2", 1, "40")).subtotal("150");

        assertThat(violations("SUMMER10", order)).containsExactly(new FieldViolation("order.subtotal",
                "must be the sum of quantity × unitPrice of the lines, which is 100.00 (or be left out)"));
    }

    @Test
    void acceptsSubtotalEqualToTheLinesWrittenAnyWay() {
        RedemptionTestData.Order order = order().lines(line("V1", 2, "30.00"), line("V2", 1, "40"));

        assertThat(violations("SUMMER10", order.subtotal("100"))).isEmpty();
        assertThat(violations("SUMMER10", order.subtotal("100.000"))).isEmpty();
    }

    @Test
    void aLeftOutSubtotalIsTheSumOfTheLines() {
        OrderContext order = new OrderContext("order-1", "acct-1", true, null,
                List.of(line("V1", 2, "30.00"), line("V2", 1, "40.00")), null, null, "USD");

        assertThat(order.subtotal()).isEqualByComparingTo("100.00");
        assertThat(check("SUMMER10", order)).isEmpty();
    }

    @Test
    void rejectsLinesThatAddUpToMoreThanAnOrderMayHave() {
        assertThat(violations("SUMMER10", order().lines(line("V1", OrderContextPolicy.MAX_QUANTITY, "1000.01"))))
                .containsExactly(new FieldViolation("order.subtotal", "must be at most 1000000000"));
    }

    @Test
    void rejectsLineQuantityZero() {
        assertThat(fields("SUMMER10", order().lines(line("V1", 1, "5.00"), line("V2", 0, "5.00"))))
                .containsExactly("order.lines[1].quantity");
    }

    @Test
    void requiresLineUnitPrice() {
        assertThat(fields("SUMMER10", order().lines(new OrderLine("V1", 1, null)).subtotal("5.00")))
                .containsExactly("order.lines[0].unitPrice");
    }

    @Test
    void rejectsMoreThanFiveHundredLines() {
        List<OrderLine> fiveHundred = Collections.nCopies(OrderContextPolicy.MAX_LINES, line("V1", 1, "1.00"));
        List<OrderLine> fiveHundredOne = Collections.nCopies(OrderContextPolicy.MAX_LINES + 1, line("V1", 1, "1.00"));

        assertThat(violations("SUMMER10", order().lines(fiveHundred))).isEmpty();
        assertThat(fields("SUMMER10", order().lines(fiveHundredOne))).containsExactly("order.lines");
    }

    @Test
    void rejectsBlankCodeOnOrder() {
        assertThat(fields("SUMMER10", order().codesOnOrder("OTHER", "  "))).containsExactly("order.codesOnOrder[1]");
    }

    @Test
    void requiresCode() {
        assertThat(fields(" ", order())).containsExactly("code");
        assertThat(fields(null, order())).containsExactly("code");
    }

    @Test
    void rejectsCodeLongerThanSixtyFourCharacters() {
        assertThat(violations("A".repeat(64), order())).isEmpty();
        assertThat(violations(" " + "A".repeat(64) + " ", order())).isEmpty();
        assertThat(fields("A".repeat(65), order())).containsExactly("code");
    }

    @Test
    void reportsEveryViolationAtOnce() {
        OrderContext broken = new OrderContext(null, null, true, new BigDecimal("-1.001"),
                List.of(new OrderLine("V1", 0, null), new OrderLine("V2", 1, new BigDecimal("1.00"))), null,
                List.of(""), "USD");
        Violations violations = new Violations();
        OrderContextPolicy.code(violations, "code", "A".repeat(65));
        OrderContextPolicy.check(violations, broken);

        CommandRejectedException thrown = catchThrowableOfType(violations::throwIfAny,
                CommandRejectedException.class);

        CommandRejection rejection = thrown.rejection();
        assertThat(rejection.status()).isEqualTo(422);
        assertThat(rejection.code()).isEqualTo("INVALID_FIELDS");
        assertThat(rejection.violations()).extracting(FieldViolation::field).containsExactly(
                "code", "order.orderId", "order.subtotal", "order.subtotal", "order.lines[0].quantity",
                "order.lines[0].unitPrice", "order.codesOnOrder[0]");
    }

    private static List<FieldViolation> check(String code, OrderContext order) {
        Violations violations = new Violations();
        OrderContextPolicy.code(violations, "code", code);
        OrderContextPolicy.check(violations, order);
        return violations.list();
    }

    private static List<FieldViolation> violations(String code, RedemptionTestData.Order order) {
        return check(code, order.build());
    }

    private static List<String> fields(String code, RedemptionTestData.Order order) {
        return fields(violations(code, order));
    }

    private static List<String> fields(List<FieldViolation> violations) {
        return violations.stream().map(FieldViolation::field).toList();
    }
}
