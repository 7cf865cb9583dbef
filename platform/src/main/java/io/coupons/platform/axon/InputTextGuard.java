package io.coupons.platform.axon;

import io.coupons.api.common.CommandRejection;
import io.coupons.api.common.FieldViolation;
import io.coupons.platform.web.InputText;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The edge's text rule ({@link InputText}) for Axon clients too: a command or query whose payload
 * holds a string with a control character anywhere (a NUL in a code reaches PostgreSQL and fails
 * there) is refused before any handler runs, with a {@link CommandRejection} of status 400 and code
 * {@code INVALID_CHARACTERS} naming the field. REST requests never get this far (the HTTP layer
 * refuses first); this is the same rule for clients that send {@code shared-api} messages directly.
 */
@Configuration(proxyBeanMethods = false)
public class InputTextGuard {

    static final String CODE = "INVALID_CHARACTERS";
    private static final int MAX_DEPTH = 8;
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
        }
    };

    @Bean
    public InitializingBean refuseControlCharactersInMessages(ObjectProvider<CommandBus> commandBus,
                                                             ObjectProvider<QueryBus> queryBus) {
        return () -> {
            commandBus.ifAvailable(bus -> bus.registerHandlerInterceptor(commands()));
            queryBus.ifAvailable(bus -> bus.registerHandlerInterceptor(queries()));
        };
    }

    static MessageHandlerInterceptor<CommandMessage<?>> commands() {
        return guard(rejection -> new CommandExecutionException(rejection.message(), null, rejection));
    }

    static MessageHandlerInterceptor<QueryMessage<?, ?>> queries() {
        return guard(rejection -> new QueryExecutionException(rejection.message(), null, rejection));
    }

    private static <M extends Message<?>> MessageHandlerInterceptor<M> guard(
            Function<CommandRejection, RuntimeException> refusal) {
        return (unitOfWork, chain) -> {
            Optional<FieldViolation> violation = firstViolation(unitOfWork.getMessage().getPayload());
            if (violation.isPresent()) {
                throw refusal.apply(rejection(violation.get()));
            }
            return chain.proceed();
        };
    }

    private static CommandRejection rejection(FieldViolation violation) {
        return new CommandRejection(400, CODE, violation.field() + ": " + violation.message(), List.of(violation));
    }

    /** The first string anywhere in the payload (records, lists, maps) that breaks the rule. */
    static Optional<FieldViolation> firstViolation(Object payload) {
        return walk(payload, "", 0);
    }

    private static Optional<FieldViolation> walk(Object value, String path, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (value instanceof CharSequence text) {
            return InputText.isClean(text) ? Optional.empty()
                    : Optional.of(new FieldViolation(path.isEmpty() ? "payload" : path, InputText.refusal(text)));
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                Optional<FieldViolation> found = walk(item, path + "[" + index++ + "]", depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> entries) {
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                Optional<FieldViolation> found = walk(entry.getKey(), path + "{key}", depth + 1)
                        .or(() -> walk(entry.getValue(), path + "[" + entry.getKey() + "]", depth + 1));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        for (RecordComponent component : COMPONENTS.get(value.getClass())) {
            Object child;
            try {
                child = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component + " of " + value.getClass(), e);
            }
            Optional<FieldViolation> found = walk(child, path.isEmpty() ? component.getName()
                    : path + "." + component.getName(), depth + 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
