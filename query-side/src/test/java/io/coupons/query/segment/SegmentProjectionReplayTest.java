package io.coupons.query.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.api.segment.SegmentId;
import io.coupons.query.ProjectionsCaughtUp;
import io.coupons.query.QuerySideTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The segment tables rebuilt from the events equal the live ones, row for row. */
@QuerySideTest
class SegmentProjectionReplayTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rebuildingTheSegmentsFromTheEventsGivesTheSameRows() {
        SegmentEvents segments = new SegmentEvents(eventStore, transactions);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int s = 0; s < 5; s++) {
            SegmentId id = segments.define("Replay " + s + " " + tag);
            segments.replace(id, 1, IntStream.range(0, 300).mapToObj(i -> "first-" + i).toList());
            segments.replace(id, 2, IntStream.range(0, 150 + s).mapToObj(i -> "second-" + i).toList());
            segments.stage(id, List.of("never-in-force"), 10); // an interrupted upload
        }
        ProjectionsCaughtUp.await(processing, eventStore);
        StreamingEventProcessor processor = processing
                .eventProcessor(SegmentProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        List<Map<String, Object>> views = rows("SELECT * FROM segment_view ORDER BY id");
        List<Map<String, Object>> members = rows("SELECT * FROM segment_member_view ORDER BY upload_id, account_id");
        assertThat(views).isNotEmpty();
        jdbc.sql("UPDATE segment_view SET member_count = member_count + 7, revision = 99").update();
        jdbc.sql("DELETE FROM segment_member_view WHERE account_id LIKE 'second-1%'").update();

        processor.resetTokens();
        processor.start();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(rows("SELECT * FROM segment_view ORDER BY id")).isEqualTo(views);
            assertThat(rows("SELECT * FROM segment_member_view ORDER BY upload_id, account_id")).isEqualTo(members);
        });
    }

    private List<Map<String, Object>> rows(String sql) {
        return jdbc.sql(sql).query().listOfRows();
    }
}
