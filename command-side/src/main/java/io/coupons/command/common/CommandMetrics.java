package io.coupons.command.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Commands by type and outcome, with their latency ({@code coupons_commands_seconds{command,
 * outcome}} on /actuator/prometheus): the monitor Axon calls for every command the local command
 * bus handles (REST and Axon clients alike, with or without Axon Server). The outcome is
 * {@code success}, the stable code of a refusal ({@code INVALID_FIELDS}, {@code CONCURRENT_MODIFICATION}
 * ...), or the failure's exception type; all are bounded sets, so the series stay few.
 */
@Configuration(proxyBeanMethods = false)
public class CommandMetrics {

    @Bean
    public ConfigurerModule commandMetricsModule(MeterRegistry registry) {
        return configurer -> configurer.configureMessageMonitor(CommandBus.class,
                axon -> new Monitor(registry));
    }

    private record Monitor(MeterRegistry registry) implements MessageMonitor<Message<?>> {

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            long start = System.nanoTime();
            String command = message instanceof CommandMessage<?> c ? simpleName(c.getCommandName())
                    : message.getPayloadType().getSimpleName();
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    record("success");
                }

                @Override
                public void reportFailure(Throwable cause) {
                    record(cause instanceof CommandRejectedException rejected ? rejected.rejection().code()
                            : cause.getClass().getSimpleName());
                }

                @Override
                public void reportIgnored() {
                    record("ignored");
                }

                private void record(String outcome) {
                    Timer.builder("coupons.commands").description("Commands handled, by type and outcome")
                            .tag("command", command).tag("outcome", outcome).register(registry)
                            .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
            };
        }

        private static String simpleName(String commandName) {
            return commandName.substring(commandName.lastIndexOf('.') + 1);
        }
    }
}
