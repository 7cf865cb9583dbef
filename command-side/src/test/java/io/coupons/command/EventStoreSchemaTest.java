package io.coupons.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.platform.testing.TestHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The two Axon-on-PostgreSQL traps of AXON-NOTES stay fixed: no oid columns, no blocks of 50. */
@CommandSideTest
class EventStoreSchemaTest {

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void noAxonColumnIsOid() {
        List<String> oidColumns = jdbc.sql("""
                        SELECT table_name || '.' || column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND data_type = 'oid'""")
                .query(String.class).list();
        assertThat(oidColumns).isEmpty();
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns WHERE table_name = 'domain_event_entry' "
                + "AND column_name = 'payload'").query(String.class).single()).isEqualTo("bytea");
    }

    @Test
    void globalIndexSequenceIncrementsByOne() {
        List<Long> increments = jdbc.sql("""
                        SELECT s.increment_by FROM pg_sequences s
                        JOIN pg_depend d ON true
                        WHERE s.sequencename = 'domain_event_entry_global_index_seq'""")
                .query(Long.class).list();
        assertThat(increments).isNotEmpty().allMatch(increment -> increment == 1L);
    }

    @Test
    void eventsGetConsecutiveGlobalIndexesAndNoLargeObjects() {
        TestHttp admin = TestHttp.at(port).as("admin");
        long before = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
        for (int i = 0; i < 3; i++) {
            TestHttp.Response created = admin.post("/api/discount-rules", """
                    {"name": "Schema probe %d", "terms": {"freeGroundShipping": true}}""".formatted(i));
            assertThat(created.status()).as(created::toString).isEqualTo(201);
        }
        List<Long> indexes = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE global_index > ? "
                + "ORDER BY global_index").param(before).query(Long.class).list();
        assertThat(indexes).hasSize(3);
        assertThat(indexes.get(2) - indexes.get(0)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single()).isZero();
    }
}
