package io.coupons.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideApplication;
import io.coupons.platform.testing.TestDatabaseInitializer;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Under the {@code axonserver} profile commands are routed by Axon Server (its command bus, with
 * the race-retrying bus as the local segment that handles them) while the event store stays
 * PostgreSQL's: a decision's event and its rows commit in one transaction there. No Axon Server
 * runs here; the connector keeps trying in the background, and the beans are what is checked.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommandSideApplication.CONFIG_NAME,
                "axon.axonserver.servers=127.0.0.1:1"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ActiveProfiles("axonserver")
// Closed after the class: its connector would keep retrying the absent server for the whole run.
@DirtiesContext
class AxonServerProfileBusTest {

    @Autowired
    CommandBus commandBus;

    @Autowired
    @Qualifier("localSegment")
    SimpleCommandBus localSegment;

    @Autowired
    EventStorageEngine storageEngine;

    @Test
    void commandsGoThroughAxonServerAndEventsStayInPostgreSql() {
        assertThat(commandBus).isInstanceOf(AxonServerCommandBus.class);
        assertThat(localSegment).isInstanceOf(RaceRetryingCommandBus.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
    }
}
