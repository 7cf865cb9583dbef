package io.coupons.query.projection;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * What happens to an event whose handler failed.
 * <ul>
 *   <li>A handler that failed outside a savepoint ({@link HandlerSavepoints.RetryCarefully}) fails
 *   its batch: the processor retries it with savepoints, and then parks only the failing event.</li>
 *   <li>Transient failures (the database unreachable or restarting, a deadlock, a serialization
 *   failure, a cancelled statement) are thrown on: the processor rolls the batch back and its
 *   segment retries with back-off, as without a dead-letter queue. Parking them would leave
 *   readable data missing for a cause that heals itself.</li>
 *   <li>Anything else is parked, with {@value #ATTEMPTS} = 1 in its diagnostics.</li>
 *   <li>A parked event that fails again on an admin's retry stays parked, its cause replaced by the
 *   new one and its attempts counted. Nothing is ever dropped: removing an event from a projection
 *   for good would make it differ from a rebuild.</li>
 * </ul>
 */
public class ProjectionEnqueuePolicy implements EnqueuePolicy<EventMessage<?>> {

    public static final String ATTEMPTS = "attempts";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        Object attempts = letter.diagnostics().get(ATTEMPTS);
        if (attempts == null) {
            if (cause instanceof HandlerSavepoints.RetryCarefully retry) {
                throw retry;
            }
            if (transient_(cause)) {
                throw new TransientProjectionFailure(cause);
            }
            return Decisions.enqueue(cause, parked -> parked.diagnostics().and(ATTEMPTS, 1));
        }
        // An admin's retry runs in its own transaction, which fails whole: the real cause is what counts.
        Throwable real = cause instanceof HandlerSavepoints.RetryCarefully && cause.getCause() != null
                ? cause.getCause() : cause;
        long next = ((Number) attempts).longValue() + 1;
        return Decisions.requeue(real, parked -> parked.diagnostics().and(ATTEMPTS, next));
    }

    static boolean transient_(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && transientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's classes: 08 connection, 40 transaction rollback (serialization failure,
     * deadlock), 53 insufficient resources, 57 operator intervention (shutdown, cancelled
     * statement), 58 system error.
     */
    private static boolean transientState(String state) {
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("58");
    }

    /** Thrown on so that the processor's batch rolls back and is retried. */
    static final class TransientProjectionFailure extends RuntimeException {

        TransientProjectionFailure(Throwable cause) {
            super("Transient failure, retried by the processor: " + cause.getMessage(), cause);
        }
    }
}
