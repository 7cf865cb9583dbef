package io.coupons.query.web;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's auto-configured query bus, minus the transaction it opens around every query. Query
 * handlers here only read, one statement at a time in autocommit (PostgreSQL's READ COMMITTED gives
 * each statement its own snapshot either way), and the streamed downloads open their own read-only
 * transaction for their cursor. The per-query JPA transaction cost a connection checkout, a COMMIT
 * round trip and Hibernate session set-up: about a fifth of a code search's time in a JFR profile.
 */
@Configuration(proxyBeanMethods = false)
public class QueryBusConfig {

    @Bean(name = "queryBus")
    public SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
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
