package io.coupons.query.web;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.TargetContextResolver;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.axonserver.connector.query.QueryPriorityCalculator;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query bus: Axon's, minus the transaction it opens around every query. Query handlers here
 * only read, one statement at a time in autocommit (PostgreSQL's READ COMMITTED gives each
 * statement its own snapshot either way), and the streamed downloads open their own read-only
 * transaction for their cursor. The per-query JPA transaction cost a connection checkout, a COMMIT
 * round trip and Hibernate session set-up: about a fifth of a code search's time in a JFR profile.
 *
 * <p>Under Axon Server the same transaction-free bus is the local segment of an
 * {@link AxonServerQueryBus}, so queries from other services and instances reach these handlers
 * through Axon Server. Declaring any {@code QueryBus} bean makes Axon's own Axon Server query bus
 * back off (it is {@code @ConditionalOnMissingBean}), which used to leave every query local: an
 * Axon client got "No handler for query".
 */
@Configuration(proxyBeanMethods = false)
public class QueryBusConfig {

    @Bean(name = "queryBus")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return localSegment(axon);
    }

    @Bean(name = "queryBus")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
    public AxonServerQueryBus axonServerQueryBus(org.axonframework.config.Configuration axon,
                                                 AxonServerConnectionManager connections,
                                                 AxonServerConfiguration axonServer,
                                                 @Qualifier("messageSerializer") Serializer messageSerializer,
                                                 Serializer genericSerializer,
                                                 QueryPriorityCalculator priorityCalculator,
                                                 TargetContextResolver<? super QueryMessage<?, ?>> contexts) {
        SimpleQueryBus local = localSegment(axon);
        local.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return AxonServerQueryBus.builder()
                .axonServerConnectionManager(connections)
                .configuration(axonServer)
                .localSegment(local)
                .updateEmitter(local.queryUpdateEmitter())
                .messageSerializer(messageSerializer)
                .genericSerializer(genericSerializer)
                .priorityCalculator(priorityCalculator)
                .targetContextResolver(contexts)
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    private static SimpleQueryBus localSegment(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.INSTANCE)
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}
