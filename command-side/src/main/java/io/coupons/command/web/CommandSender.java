package io.coupons.command.web;

import io.coupons.api.common.CommandAccepted;
import io.coupons.api.common.TypedId;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Sends a command and waits for its answer, never for ever (a stuck handler must not pin a thread). */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final Duration timeout;

    public CommandSender(CommandGateway gateway, @Value("${coupons.commands.timeout:10s}") Duration timeout) {
        this.gateway = gateway;
        this.timeout = timeout;
    }

    public CommandAccepted send(Object command) {
        Object result = gateway.sendAndWait(command, timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (result instanceof TypedId createdId) {
            // An aggregate constructor answers the new id; a new aggregate's version is 0.
            return new CommandAccepted(createdId.value(), 0);
        }
        return (CommandAccepted) result;
    }

    /** For commands whose answer is not a {@link CommandAccepted}. */
    public <R> R sendForResult(Object command, Class<R> answer) {
        return answer.cast(gateway.sendAndWait(command, timeout.toMillis(), TimeUnit.MILLISECONDS));
    }
}
