package io.coupons.platform.axon;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of the event processors ({@code /actuator/health/readiness} includes it): DOWN while a
 * processor is not running or one of its segments is in error (a projection that stopped would
 * otherwise serve ever staler answers while the instance looks healthy). Details per processor:
 * running, the segments this instance holds, those in error, whether one replays, and the lag, in
 * events, between the head of the event store and the slowest segment held here.
 */
@Component("eventProcessors")
public class EventProcessorsHealth extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public EventProcessorsHealth(EventProcessingConfiguration processing, EventStore eventStore) {
        super("Event processors could not be checked");
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        Long head = position(eventStore.createHeadToken());
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            up &= processor.isRunning();
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
                long inError = segments.values().stream().filter(EventTrackerStatus::isErrorState).count();
                up &= inError == 0;
                detail.put("segmentsHeld", segments.size());
                detail.put("segmentsInError", inError);
                // After an admin's replay: the projection is incomplete until this turns false.
                detail.put("replaying", segments.values().stream().anyMatch(EventProcessorsHealth::replaying));
                detail.put("lag", lag(streaming, head));
            }
            details.put(entry.getKey(), detail);
        }
        (up ? builder.up() : builder.down()).withDetails(details);
    }

    /**
     * Still short of where it was when reset. (Axon's own flag stays on until the first event past
     * that point, however long the store stays quiet.)
     */
    public static boolean replaying(EventTrackerStatus segment) {
        return segment.isReplaying() && segment.getResetPosition().isPresent()
                && segment.getCurrentPosition().orElse(-1) < segment.getResetPosition().getAsLong();
    }

    /** Events between the store's head and the slowest segment this instance holds (0 when none). */
    static long lag(StreamingEventProcessor processor, Long head) {
        long lag = 0;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            long at = status.getCurrentPosition().orElse(0L);
            lag = Math.max(lag, head == null ? 0 : Math.max(0, head - at));
        }
        return lag;
    }

    static Long position(TrackingToken token) {
        return token == null ? null : token.position().isPresent() ? token.position().getAsLong() : null;
    }
}
