package io.coupons.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.campaign.CampaignId;
import io.coupons.platform.axon.EventProcessorsHealth;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.EventAppender;
import io.coupons.query.ProjectedVersion;
import io.coupons.query.ProjectionsCaughtUp;
import io.coupons.query.QuerySideTest;
import io.coupons.query.campaign.CampaignTableProjection;
import io.coupons.query.rule.DiscountRuleProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An admin's replay rebuilds a projection in place, or changes nothing while another instance runs it. */
@QuerySideTest
class ProcessorReplayEndpointTest {

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

    EventAppender events;
    TestHttp admin;
    String marker;

    @BeforeEach
    void setUp() {
        events = new EventAppender(eventStore, transactions);
        admin = TestHttp.at(port).as("admin");
        marker = "RPL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void rebuildsTheProjectionFromTheFirstEventAndEmptiesItsDeadLetters() {
        String group = CampaignTableProjection.PROCESSING_GROUP;
        CampaignId kept = CampaignViewFault.campaign(events, marker + "KEPT");
        ProjectedVersion.await(admin, "/api/campaigns/" + kept, 0);
        // A row gone wrong behind the projection's back, which only a rebuild repairs (writes only move forward).
        jdbc.sql("UPDATE campaign_view SET code = 'SPOILED' WHERE id = ?").param(kept.value()).update();
        // And an event parked whose cause is gone since.
        CampaignViewFault fault = new CampaignViewFault(jdbc);
        fault.refuse(marker + "PARKED", "P0001");
        CampaignId parked = CampaignViewFault.campaign(events, marker + "PARKED");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> parkedLetters(group) > 0);
        fault.remove();

        TestHttp.Response replay = admin.post("/api/admin/processors/" + group + "/replay", "");

        assertThat(replay.status()).as(replay::toString).isEqualTo(202);
        assertThat(replay.json().get("segments").asInt()).isEqualTo(4);
        StreamingEventProcessor processor = streaming(group);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> processor.isRunning() && !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream().noneMatch(EventProcessorsHealth::replaying));
        ProjectionsCaughtUp.await(processing, eventStore);
        assertThat(admin.get("/api/campaigns/" + kept).json().get("code").asString()).isEqualTo(marker + "KEPT");
        assertThat(admin.get("/api/campaigns/" + parked).json().get("code").asString()).isEqualTo(marker + "PARKED");
        assertThat(parkedLetters(group)).isZero();
    }

    @Test
    void changesNothingWhileAnotherInstanceHoldsASegment() {
        String group = DiscountRuleProjection.PROCESSING_GROUP;
        ProjectionsCaughtUp.await(processing, eventStore);
        long rows = jdbc.sql("SELECT count(*) FROM discount_rule_view").query(Long.class).single();
        StreamingEventProcessor processor = streaming(group);
        processor.shutDown();
        int claimed = jdbc.sql("""
                        UPDATE token_entry SET owner = 'another-instance', timestamp = ?
                        WHERE processor_name = ? AND segment = (SELECT min(segment) FROM token_entry WHERE processor_name = ?)""")
                .params(Instant.now().plusSeconds(60).toString(), group, group).update();
        assertThat(claimed).isEqualTo(1);
        try {
            TestHttp.Response replay = admin.post("/api/admin/processors/" + group + "/replay", "");

            assertThat(replay.status()).as(replay::toString).isEqualTo(409);
            assertThat(replay.json().get("code").asString()).isEqualTo("PROCESSOR_RUNNING_ELSEWHERE");
            assertThat(jdbc.sql("SELECT count(*) FROM discount_rule_view").query(Long.class).single()).isEqualTo(rows);
            assertThat(processor.isRunning()).isTrue();
        } finally {
            jdbc.sql("UPDATE token_entry SET owner = NULL WHERE processor_name = ? AND owner = 'another-instance'")
                    .param(group).update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name = ? AND token_type LIKE '%Replay%'")
                .param(group).query(Long.class).single()).isZero();
    }

    @Test
    void refusesUnknownProcessorsAndNonAdmins() {
        TestHttp.Response unknown = admin.post("/api/admin/processors/no-such-processor/replay", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("UNKNOWN_PROCESSOR");
        assertThat(TestHttp.at(port).as("auditor").post("/api/admin/processors/codes/replay", "").status())
                .isEqualTo(403);
    }

    private StreamingEventProcessor streaming(String group) {
        return (StreamingEventProcessor) processing.eventProcessor(group).orElseThrow();
    }

    private long parkedLetters(String group) {
        return admin.get("/api/admin/dead-letters/" + group).json().get("letters").asLong();
    }
}
