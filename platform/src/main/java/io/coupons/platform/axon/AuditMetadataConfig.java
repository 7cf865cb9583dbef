package io.coupons.platform.axon;

import io.coupons.api.common.AuditMetadata;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every command carries the authenticated user in its metadata, and Axon copies it onto every event
 * the command causes: the event store itself answers "who" for the generation history and audits.
 */
@Configuration(proxyBeanMethods = false)
public class AuditMetadataConfig {

    /** Copies {@code user} from the handled command onto the events and commands it causes. */
    @Bean
    public CorrelationDataProvider userCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.USER);
    }

    @Bean
    public InitializingBean registerUserOnCommands(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(userFromSecurityContext());
    }

    static <M extends Message<?>> MessageDispatchInterceptor<M> userFromSecurityContext() {
        return messages -> (index, message) -> {
            if (message.getMetaData().containsKey(AuditMetadata.USER)) {
                return message; // an Axon client already said who it acts for
            }
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated()) {
                return message;
            }
            @SuppressWarnings("unchecked")
            M withUser = (M) message.andMetaData(Map.of(AuditMetadata.USER, authentication.getName()));
            return withUser;
        };
    }
}
