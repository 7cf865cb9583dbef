package io.coupons.command.redemption;

import static io.coupons.command.redemption.Shop.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coupons.api.common.CommandRejection;
import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.OrderLine;
import io.coupons.api.redemption.RedeemCodeCommand;
import io.coupons.api.redemption.RedemptionDecision;
import io.coupons.api.redemption.RedemptionId;
import io.coupons.api.redemption.RedemptionReversal;
import io.coupons.api.redemption.RejectionReason;
import io.coupons.api.redemption.ReverseRedemptionCommand;
import io.coupons.api.redemption.ValidateCodeCommand;
import io.coupons.command.CommandSideTest;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an Axon checkout service gets when it sends the shared-api commands on the command bus. */
@CommandSideTest
class RedemptionThroughCommandBusTest {

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Test
    void anAxonClientGetsTheDecisionAndTheSameIdempotency() {
        String code = new Shop(port).singleCode(2);
        OrderContext order = order(newOrderId());

        RedemptionDecision first = commands.sendAndWait(new RedeemCodeCommand(code, order));
        RedemptionDecision again = commands.sendAndWait(new RedeemCodeCommand(code, order));

        assertThat(first.accepted()).isTrue();
        assertThat(first.redemptionId()).isEqualTo(RedemptionId.of(code, order.orderId()).value());
        assertThat(first.discount().total()).isEqualByComparingTo("4.00");
        assertThat(again.repeated()).isTrue();
        assertThat(again.redemptionId()).isEqualTo(first.redemptionId());
    }

    @Test
    void anAxonClientGetsTheRefusalsOfAnInconsistentOrderAndOfAReusedOrderId() {
        String code = new Shop(port).singleCode(2);
        OrderContext order = order(newOrderId());
        commands.sendAndWait(new RedeemCodeCommand(code, order));
        OrderContext otherAccount = new OrderContext(order.orderId(), "acc-other", false, null, order.lines(), null,
                List.of(), "USD");
        OrderContext noLines = new OrderContext(newOrderId(), "acc-bus", false, new BigDecimal("40.00"), null, null,
                null, "XXX");

        CommandExecutionException reused = catchThrowableOfType(CommandExecutionException.class,
                () -> commands.sendAndWait(new RedeemCodeCommand(code, otherAccount)));
        CommandExecutionException invalid = catchThrowableOfType(CommandExecutionException.class,
                () -> commands.sendAndWait(new RedeemCodeCommand(code, noLines)));

        CommandRejection reusedRejection = (CommandRejection) reused.getDetails().orElseThrow();
        assertThat(reusedRejection.status()).isEqualTo(409);
        assertThat(reusedRejection.code()).isEqualTo("IDEMPOTENCY_MISMATCH");
        assertThat(((CommandRejection) invalid.getDetails().orElseThrow()).violations())
                .extracting(v -> v.field()).containsExactly("order.currency", "order.lines");
    }

    @Test
    void aRejectionIsAnAnswerWithItsReasonNotAnException() {
        String code = new Shop(port).singleCode(1);
        commands.sendAndWait(new RedeemCodeCommand(code, order(newOrderId())));

        RedemptionDecision refused = commands.sendAndWait(new RedeemCodeCommand(code, order(newOrderId())));
        RedemptionDecision validated = commands.sendAndWait(new ValidateCodeCommand(code, order(newOrderId())));

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.reason()).isEqualTo(RejectionReason.EXHAUSTED);
        assertThat(validated.reason()).isEqualTo(RejectionReason.EXHAUSTED);
    }

    @Test
    void badInputAndUnknownRedemptionsFailWithACommandRejection() {
        CommandExecutionException invalid = catchThrowableOfType(CommandExecutionException.class,
                () -> commands.sendAndWait(new RedeemCodeCommand(" ", null)));
        CommandExecutionException unknown = catchThrowableOfType(CommandExecutionException.class,
                () -> commands.sendAndWait(new ReverseRedemptionCommand(RedemptionId.of("NOPE", "o-1"), null)));

        CommandRejection invalidRejection = (CommandRejection) invalid.getDetails().orElseThrow();
        assertThat(invalidRejection.status()).isEqualTo(422);
        assertThat(invalidRejection.violations()).extracting(v -> v.field()).containsExactly("code", "order");
        assertThat(((CommandRejection) unknown.getDetails().orElseThrow()).code()).isEqualTo("REDEMPTION_NOT_FOUND");
    }

    @Test
    void aReversalThroughTheBusAnswersWhatItDid() {
        String code = new Shop(port).singleCode(1);
        OrderContext order = order(newOrderId());
        commands.sendAndWait(new RedeemCodeCommand(code, order));
        RedemptionId id = RedemptionId.of(code, order.orderId());

        RedemptionReversal reversal = commands.sendAndWait(new ReverseRedemptionCommand(id, "refunded"));

        assertThat(reversal.alreadyReversed()).isFalse();
        assertThat(reversal.code()).isEqualTo(code);
        assertThat(commands.<RedemptionDecision>sendAndWait(new RedeemCodeCommand(code, order(newOrderId())))
                .accepted()).isTrue();
    }

    private static OrderContext order(String orderId) {
        return new OrderContext(orderId, "acc-bus", false, new BigDecimal("40.00"),
                List.of(new OrderLine("V1", 1, new BigDecimal("40.00"))), null, List.of(), "USD");
    }
}
