package io.coupons.command.common;

import io.coupons.api.common.CommandRejection;
import io.coupons.api.common.FieldViolation;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * A command handler's "no". It is a {@link CommandExecutionException} whose details are the
 * {@link CommandRejection}, so the reason survives the trip through Axon Server to any client.
 */
public class CommandRejectedException extends CommandExecutionException {

    private final CommandRejection rejection;

    public CommandRejectedException(CommandRejection rejection) {
        super(rejection.message(), null, rejection);
        this.rejection = rejection;
    }

    public static CommandRejectedException invalid(List<FieldViolation> violations) {
        return new CommandRejectedException(CommandRejection.invalid(violations));
    }

    public static CommandRejectedException invalid(String field, String message) {
        return invalid(List.of(new FieldViolation(field, message)));
    }

    public static CommandRejectedException conflict(String code, String message) {
        return new CommandRejectedException(CommandRejection.conflict(code, message));
    }

    public static CommandRejectedException notFound(String code, String message) {
        return new CommandRejectedException(CommandRejection.notFound(code, message));
    }

    /** The 409 of a creation whose Idempotency-Key already created something from another request. */
    public static CommandRejectedException idempotencyKeyReused(String created) {
        return conflict("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key already created " + created
                + " from a different request; send a new key for a new one.");
    }

    public CommandRejection rejection() {
        return rejection;
    }
}
