package io.coupons.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.query.QuerySideTest;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Without Axon Server: the local, transaction-free query bus and the PostgreSQL event store. */
@QuerySideTest
class DefaultProfileBusTest {

    @Autowired
    QueryBus queryBus;

    @Autowired
    EventStorageEngine storageEngine;

    @Test
    void queriesStayLocalAndEventsAreInPostgreSql() {
        assertThat(queryBus).isExactlyInstanceOf(SimpleQueryBus.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
    }
}
