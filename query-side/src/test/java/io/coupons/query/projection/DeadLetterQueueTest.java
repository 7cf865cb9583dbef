package io.coupons.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.campaign.CampaignCodeChangedEvent;
import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignRescheduledEvent;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.EventAppender;
import io.coupons.query.ProjectedVersion;
import io.coupons.query.QuerySideTest;
import io.coupons.query.campaign.CampaignTableProjection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A projection handler that fails for good parks its event (and the events behind it in the same
 * sequence) while every other sequence goes on; admins see why and hand them back once the cause
 * is gone. The failures are real ones of the database ({@link CampaignViewFault}).
 */
@QuerySideTest
class DeadLetterQueueTest {

    private static final String GROUP = CampaignTableProjection.PROCESSING_GROUP;

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
    CampaignViewFault fault;

    @BeforeEach
    void setUp() {
        fault = new CampaignViewFault(jdbc);
        events = new EventAppender(eventStore, transactions);
        admin = TestHttp.at(port).as("admin");
        marker = "DLQ" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @AfterEach
    void removeFaults() {
        fault.remove();
    }

    @Test
    void everyProcessorHasADeadLetterQueue() {
        assertThat(processing.eventProcessors().keySet()).isNotEmpty()
                .allSatisfy(name -> assertThat(processing.deadLetterQueue(name)).as(name).isPresent());
    }

    @Test
    void parksAFailingSequenceKeepsTheOthersGoingAndProjectsItOnRetryOnceFixed() {
        fault.refuse(marker + "POISON", "P0001");
        CampaignId poisoned = CampaignViewFault.campaign(events, marker + "POISON");
        events.append("Campaign", poisoned, 1, new CampaignCodeChangedEvent(poisoned, marker + "POISON",
                marker + "POISONED"));
        CampaignId healthy = CampaignViewFault.campaign(events, marker + "FINE");
        events.append("Campaign", healthy, 1, new CampaignCodeChangedEvent(healthy, marker + "FINE",
                marker + "FINER"));

        // The healthy campaign is projected in full, whatever batch its events shared with the others.
        assertThat(ProjectedVersion.await(admin, "/api/campaigns/" + healthy, 1).get("code").asString())
                .isEqualTo(marker + "FINER");
        JsonNode sequence = awaitParked(poisoned, 2);
        JsonNode failed = sequence.get("letters").get(0);
        assertThat(failed.get("eventType").asString()).isEqualTo(CampaignCreatedEvent.class.getName());
        assertThat(failed.get("aggregateId").asString()).isEqualTo(poisoned.toString());
        assertThat(failed.get("aggregateSequence").asLong()).isZero();
        assertThat(failed.get("causeMessage").asString()).contains("refused by the test: " + marker + "POISON");
        assertThat(failed.get("attempts").asLong()).isEqualTo(1);
        JsonNode waiting = sequence.get("letters").get(1);
        assertThat(waiting.get("eventType").asString()).isEqualTo(CampaignCodeChangedEvent.class.getName());
        assertThat(waiting.get("causeMessage").isNull()).isTrue();
        assertThat(admin.get("/api/campaigns/" + poisoned).status()).isEqualTo(404);
        // Parking is not an error of the processor: it runs on, and the instance stays ready.
        StreamingEventProcessor processor = (StreamingEventProcessor) processing.eventProcessor(GROUP).orElseThrow();
        assertThat(processor.processingStatus().values()).noneMatch(status -> status.isErrorState());
        assertThat(TestHttp.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(admin.get("/actuator/prometheus").body())
                .containsPattern("coupons_dead_letters_events\\{processor=\"" + GROUP + "\"} [1-9]");

        // Retried while the cause is still there: still parked, the new attempt counted.
        JsonNode retry = admin.post("/api/admin/dead-letters/" + GROUP + "/retry?sequence=" + poisoned, "").json();
        assertThat(retry.get("attempted").asInt()).isEqualTo(1);
        assertThat(retry.get("resolved").asInt()).isZero();
        assertThat(awaitParked(poisoned, 2).get("letters").get(0).get("attempts").asLong()).isEqualTo(2);

        fault.remove();
        retry = admin.post("/api/admin/dead-letters/" + GROUP + "/retry", "").json();
        assertThat(retry.get("resolved").asInt()).isPositive();
        assertThat(parked(poisoned)).isNull();
        assertThat(ProjectedVersion.await(admin, "/api/campaigns/" + poisoned, 1).get("code").asString())
                .isEqualTo(marker + "POISONED");

        // Its later events are projected as they come, no longer parked.
        events.append("Campaign", poisoned, 2, new CampaignRescheduledEvent(poisoned, null,
                Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
        ProjectedVersion.await(admin, "/api/campaigns/" + poisoned, 2);
        assertThat(parked(poisoned)).isNull();
    }

    @Test
    void transientFailuresAreRetriedByTheProcessorNotParked() {
        // Serialization failures (SQLSTATE 40001) for the first two tries, as under contention.
        jdbc.sql("CREATE SEQUENCE IF NOT EXISTS dead_letter_test_tries").update();
        jdbc.sql("SELECT setval('dead_letter_test_tries', 1, false)").query(Long.class).single();
        fault.refuse(marker + "FLAKY", "40001", "nextval('dead_letter_test_tries') <= 2");
        CampaignId flaky = CampaignViewFault.campaign(events, marker + "FLAKY");

        ProjectedVersion.await(admin, "/api/campaigns/" + flaky, 0);
        assertThat(jdbc.sql("SELECT last_value FROM dead_letter_test_tries").query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
        assertThat(parked(flaky)).isNull();
    }

    @Test
    void refusesUnknownProcessorsAndSequencesAndNonAdmins() {
        TestHttp.Response unknown = admin.get("/api/admin/dead-letters/no-such-processor");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("UNKNOWN_PROCESSOR");
        TestHttp.Response notParked = admin.post("/api/admin/dead-letters/" + GROUP + "/retry?sequence="
                + UUID.randomUUID(), "");
        assertThat(notParked.status()).isEqualTo(404);
        assertThat(notParked.json().get("code").asString()).isEqualTo("UNKNOWN_DEAD_LETTER_SEQUENCE");
        TestHttp.Response tooMany = admin.get("/api/admin/dead-letters/" + GROUP + "?limit=101");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(TestHttp.at(port).as("auditor").get("/api/admin/dead-letters").status()).isEqualTo(403);
        assertThat(TestHttp.at(port).as("auditor").post("/api/admin/dead-letters/" + GROUP + "/retry", "")
                .status()).isEqualTo(403);
        JsonNode summaries = admin.get("/api/admin/dead-letters").json();
        assertThat(summaries.valueStream().map(s -> s.get("processor").asString()))
                .containsAll(processing.eventProcessors().keySet());
    }

    private JsonNode awaitParked(CampaignId id, int letters) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            found[0] = parked(id);
            return found[0] != null && found[0].get("size").asLong() == letters;
        });
        return found[0];
    }

    private JsonNode parked(CampaignId id) {
        TestHttp.Response queue = admin.get("/api/admin/dead-letters/" + GROUP + "?limit=100");
        assertThat(queue.status()).as(queue::toString).isEqualTo(200);
        return queue.json().get("items").valueStream()
                .filter(sequence -> sequence.get("sequence").asString().equals(id.toString()))
                .findFirst().orElse(null);
    }
}
