package io.coupons.query;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Waits until every projection has handled every event now in the store. Needed before asserting
 * that something was not counted (a redelivery), and before reads that join tables of several
 * processing groups (usage with campaigns and batches).
 */
public final class ProjectionsCaughtUp {

    private ProjectionsCaughtUp() {
    }

    public static void await(EventProcessingConfiguration processing, EventStore eventStore) {
        long head = eventStore.createHeadToken().position().orElse(-1);
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> processors.stream().allMatch(processor -> !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream()
                        .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head)));
    }
}
