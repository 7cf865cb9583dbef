package io.coupons.query.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.api.batch.BatchCodesGeneratedEvent;
import io.coupons.api.batch.BatchGenerationCompletedEvent;
import io.coupons.api.batch.BatchGenerationRequestedEvent;
import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.EventAppender;
import io.coupons.query.QuerySideTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The code table and the generation history from the events, including a chunk delivered twice and a replay. */
@QuerySideTest
class CodesProjectionTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void projectsChunksOnceEvenWhenAChunkArrivesTwiceAndRebuildsTheSameFromTheEvents() {
        EventAppender events = new EventAppender(eventStore, transactions);
        CampaignId campaign = CampaignId.random();
        BatchId batch = BatchId.random();
        String prefix = "PRJ" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        events.append("Campaign", campaign, 0, new CampaignCreatedEvent(campaign, prefix, CampaignType.BULK_POOL, null,
                3, null, null, null));
        events.append("Campaign", campaign, 1, new BatchGenerationRequestedEvent(campaign, batch, 1, prefix, 3000, 6));
        List<String> first = codes(prefix, 0, 2000);
        List<String> second = codes(prefix, 2000, 1000);
        publish(BatchCodesGeneratedEvent.of(batch, campaign, 1, 0, prefix, 6, first, 2000));
        publish(BatchCodesGeneratedEvent.of(batch, campaign, 1, 0, prefix, 6, first, 2000)); // delivered again
        publish(BatchCodesGeneratedEvent.of(batch, campaign, 1, 1, prefix, 6, second, 3000));
        publish(new BatchGenerationCompletedEvent(batch, campaign, 1, 3000));

        TestHttp auditor = TestHttp.at(port).as("auditor");
        String status = "/api/campaigns/" + campaign + "/batches/1";
        await().atMost(Duration.ofSeconds(20)).until(() -> auditor.get(status).status() == 200
                && "COMPLETED".equals(auditor.get(status).json().get("state").asString()));
        assertThat(codesOf(batch)).hasSize(3000);
        assertThat(auditor.get(status).json().get("generated").asLong()).isEqualTo(3000);
        // Pool stats need the campaign row, which another processing group projects.
        await().atMost(Duration.ofSeconds(20)).until(() -> auditor.get("/api/campaigns/" + campaign + "/batches")
                .status() == 200);
        assertThat(auditor.get("/api/campaigns/" + campaign + "/batches").json().get("poolStats").get("remaining")
                .asLong()).isEqualTo(9000);

        List<Map<String, Object>> live = jdbc.sql("SELECT * FROM code_view WHERE batch_id = ? ORDER BY code")
                .param(batch.value()).query().listOfRows();
        StreamingEventProcessor codes = processing.eventProcessor(CodesProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        codes.shutDown();
        jdbc.sql("UPDATE code_view SET batch_number = 99 WHERE batch_id = ?").param(batch.value()).update();
        codes.resetTokens();
        codes.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT * FROM code_view WHERE batch_id = ? ORDER BY code").param(batch.value()).query().listOfRows())
                .isEqualTo(live));
    }

    private void publish(Object payload) {
        transactions.executeWithoutResult(status -> eventStore.publish(GenericEventMessage.asEventMessage(payload)));
    }

    private List<String> codesOf(BatchId batch) {
        return jdbc.sql("SELECT code FROM code_view WHERE batch_id = ?").param(batch.value()).query(String.class).list();
    }

    private static List<String> codes(String prefix, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> prefix + "-" + String.format("%06d", i)).toList();
    }
}
