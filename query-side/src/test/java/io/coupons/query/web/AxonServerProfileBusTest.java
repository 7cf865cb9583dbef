package io.coupons.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.query.QuerySideApplication;
import io.coupons.platform.testing.TestDatabaseInitializer;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Under the {@code axonserver} profile the query bus is Axon Server's (queries from other services
 * and instances reach these handlers) and the event store is still PostgreSQL's. No Axon Server
 * runs here: the connector keeps trying in the background, and the beans are what is checked.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QuerySideApplication.CONFIG_NAME,
                "axon.axonserver.servers=127.0.0.1:1"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ActiveProfiles("axonserver")
// Closed after the class: its connector would keep retrying the absent server for the whole run.
@DirtiesContext
class AxonServerProfileBusTest {

    @Autowired
    QueryBus queryBus;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStorageEngine storageEngine;

    @Test
    void queriesGoThroughAxonServerAndEventsStayInPostgreSql() {
        assertThat(queryBus).isInstanceOf(AxonServerQueryBus.class);
        assertThat(eventStore).isInstanceOf(EmbeddedEventStore.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
    }
}
