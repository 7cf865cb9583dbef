package io.coupons.command.common;

import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * The command side's local command bus: Axon's auto-configured {@link SimpleCommandBus}, built the
 * same way (transactions, span factory, monitor, correlation data), but retrying lost races
 * ({@link RaceRetryingCommandBus}). Qualified {@code localSegment}, so that with Axon Server the
 * commands arriving from other services are handled by it too.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class CommandBusConfig {

    @Bean
    @Qualifier("localSegment")
    public SimpleCommandBus commandBus(TransactionManager transactionManager, Configuration axon,
                                       DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                                       @Value("${coupons.commands.race-attempts:8}") int attempts,
                                       @Value("${coupons.commands.race-pause:50ms}") Duration pause) {
        SimpleCommandBus.Builder builder = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"));
        SimpleCommandBus bus = new RaceRetryingCommandBus(builder, attempts, pause);
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }
}
