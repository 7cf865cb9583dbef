package io.coupons.query.projection;

import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each event handler's writes commit whole or not at all, also when its event is parked in the
 * dead-letter queue. Dead lettering needs this on PostgreSQL, where a transaction with one failed
 * statement refuses every further one (the parking of the event included) until rolled back, and
 * it keeps a half-done handler's rows out of the projection.
 *
 * <p>A savepoint before every handler costs two round trips per event (a third of a simple
 * projection's throughput, measured), so they are only taken where a handler failed recently.
 * Normally a failure marks its processing group <em>careful</em> and fails the whole batch
 * ({@link RetryCarefully}, which {@link ProjectionEnqueuePolicy} throws on): nothing of it
 * commits, and the processor retries it. In careful mode every handler of the group runs after a
 * savepoint and is rolled back to it when it throws, so the failing event is parked alone and
 * the rest of the batch commits. The mode ends {@link #CAREFUL_FOR} after the last failure.
 */
public class HandlerSavepoints implements HandlerEnhancerDefinition {

    static final Duration CAREFUL_FOR = Duration.ofMinutes(10);

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, Instant> carefulUntil = new ConcurrentHashMap<>();

    public HandlerSavepoints(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        ProcessingGroup group = original.unwrap(java.lang.reflect.Member.class)
                .map(member -> AnnotatedElementUtils.findMergedAnnotation(member.getDeclaringClass(),
                        ProcessingGroup.class))
                .orElse(null);
        return new SavepointMember<>(original, group == null ? "" : group.value());
    }

    boolean careful(String group) {
        Instant until = carefulUntil.get(group);
        return until != null && clock.instant().isBefore(until);
    }

    /** A handler of the group failed now: savepoints around its handlers for the next {@link #CAREFUL_FOR}. */
    private void markCareful(String group) {
        carefulUntil.put(group, clock.instant().plus(CAREFUL_FOR));
    }

    private final class SavepointMember<T> extends WrappedMessageHandlingMember<T> {

        private final String group;

        SavepointMember(MessageHandlingMember<T> delegate, String group) {
            super(delegate);
            this.group = group;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            if (!careful(group)) {
                try {
                    return super.handle(message, target);
                } catch (Exception | Error failure) {
                    markCareful(group);
                    throw new RetryCarefully(failure);
                }
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            Savepoint savepoint = connection.setSavepoint();
            Object result;
            try {
                result = super.handle(message, target);
            } catch (Exception | Error failure) {
                connection.rollback(savepoint);
                markCareful(group);
                throw failure;
            }
            connection.releaseSavepoint(savepoint);
            return result;
        }
    }

    /** A handler failed without a savepoint: its batch must not commit, and is retried carefully. */
    public static final class RetryCarefully extends RuntimeException {

        RetryCarefully(Throwable cause) {
            super("A handler failed outside a savepoint; the batch is retried with savepoints: " + cause, cause);
        }
    }
}
