package io.coupons.command.redemption;

import io.coupons.api.common.AuditMetadata;
import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.OrderLine;
import io.coupons.api.redemption.RedeemCodeCommand;
import io.coupons.api.redemption.RedemptionDecision;
import io.coupons.api.redemption.ValidateCodeCommand;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Test support: a checkout of its own (a caller no other test uses, so its caller-wide budget is
 * its own) sending redemptions on the command bus, each naming the account it is told to.
 */
final class Guesser {

    final String caller;
    private final CommandGateway commands;

    Guesser(CommandGateway commands) {
        this.commands = commands;
        this.caller = Shop.unique("guessing-checkout").toLowerCase();
    }

    RedemptionDecision redeem(String code, String accountId) {
        return send(new RedeemCodeCommand(code, order(accountId)));
    }

    RedemptionDecision validate(String code, String accountId) {
        return send(new ValidateCodeCommand(code, order(accountId)));
    }

    private RedemptionDecision send(Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(AuditMetadata.USER, caller)));
    }

    private static OrderContext order(String accountId) {
        return new OrderContext(Shop.newOrderId(), accountId, false, new BigDecimal("40.00"),
                List.of(new OrderLine("V1", 1, new BigDecimal("40.00"))), null, List.of(), "USD");
    }
}
