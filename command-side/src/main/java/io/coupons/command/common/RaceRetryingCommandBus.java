package io.coupons.command.common;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * The command bus, handling a command again when it lost a race to another writer. Without Axon
 * Server, two command-side instances route nothing to each other: both load an aggregate at the
 * same version and only the database's unique keys decide who appends first. The loser fails at a
 * unique key (the event store's {@code (aggregate, sequence)}: {@link ConcurrencyException}, or
 * {@link AggregateStreamCreationException} for a creation; or one of our own tables written in the
 * command's transaction, such as {@code generation_batch_number_uk}: {@link DuplicateKeyException}),
 * its transaction rolled back with nothing written. Handling it again in a new unit of work reloads
 * the aggregate as the winner left it, so it decides on the truth: Generate gets the next number,
 * a retried creation finds what the first one created.
 *
 * <p>Bounded: after {@code maxAttempts} lost races in a row the answer is a 409
 * {@code CONCURRENT_MODIFICATION} the client may retry, as a {@link CommandRejectedException} so an
 * Axon client gets the same. A command handled inside another unit of work is not retried here:
 * its outer unit of work commits it, and decides.
 */
public class RaceRetryingCommandBus extends SimpleCommandBus {

    private static final Logger log = LoggerFactory.getLogger(RaceRetryingCommandBus.class);

    private final int maxAttempts;
    private final Duration maxPause;

    public RaceRetryingCommandBus(Builder builder, int maxAttempts, Duration maxPause) {
        super(builder);
        this.maxAttempts = maxAttempts;
        this.maxPause = maxPause;
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        if (CurrentUnitOfWork.isStarted()) {
            super.handle(command, handler, callback);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            AtomicReference<CommandResultMessage<? extends R>> answer = new AtomicReference<>();
            super.handle(command, handler, (CommandCallback<C, R>) (message, result) -> answer.set(result));
            CommandResultMessage<? extends R> result = answer.get();
            Throwable lostRace = result.isExceptional() ? lostRace(result.exceptionResult()) : null;
            if (lostRace == null) {
                callback.onResult(command, result);
                return;
            }
            if (attempt >= maxAttempts) {
                log.warn("{} lost {} races in a row; answering 409: {}", command.getCommandName(), attempt,
                        lostRace.getMessage());
                callback.onResult(command, GenericCommandResultMessage.asCommandResultMessage(
                        CommandRejectedException.conflict("CONCURRENT_MODIFICATION",
                                "Someone else changed this resource at the same moment; retry.")));
                return;
            }
            if (!pause(attempt)) {
                callback.onResult(command, result);
                return;
            }
        }
    }

    /** The failure that says another writer got there first, or null for any other outcome. */
    static Throwable lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException
                    || cause instanceof DuplicateKeyException) {
                return cause;
            }
        }
        return null;
    }

    /** A short random pause, longer with each attempt, so two instances do not collide in step. */
    private boolean pause(int attempt) {
        long bound = Math.max(1, maxPause.toMillis() * attempt / maxAttempts);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
