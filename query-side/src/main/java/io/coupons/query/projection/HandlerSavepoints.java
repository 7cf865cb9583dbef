package io.coupons.query.projection;

import java.sql.Connection;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each event handler's writes commit whole or not at all: the handler runs after a savepoint of
 * the processor's transaction and, when it throws, its statements are rolled back to it. Dead
 * lettering needs this on PostgreSQL, where a transaction with one failed statement refuses every
 * further one (the parking of the event included) until rolled back; and it keeps a half-done
 * handler's rows out of the projection when the event is parked. A handler that succeeds releases
 * its savepoint (two round trips per handled event).
 */
public class HandlerSavepoints implements HandlerEnhancerDefinition {

    private final DataSource dataSource;

    public HandlerSavepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return original.canHandleMessageType(EventMessage.class) ? new SavepointMember<>(original, dataSource)
                : original;
    }

    private static final class SavepointMember<T> extends WrappedMessageHandlingMember<T> {

        private final DataSource dataSource;

        SavepointMember(MessageHandlingMember<T> delegate, DataSource dataSource) {
            super(delegate);
            this.dataSource = dataSource;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            Savepoint savepoint = connection.setSavepoint();
            Object result;
            try {
                result = super.handle(message, target);
            } catch (Exception | Error failure) {
                connection.rollback(savepoint);
                throw failure;
            }
            connection.releaseSavepoint(savepoint);
            return result;
        }
    }
}
