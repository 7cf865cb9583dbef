package io.coupons.command.redemption;

import io.coupons.api.campaign.CampaignArchivedEvent;
import io.coupons.api.campaign.CampaignCodeChangedEvent;
import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignDiscountRuleLinkedEvent;
import io.coupons.api.campaign.CampaignDiscountRuleUnlinkedEvent;
import io.coupons.api.campaign.CampaignRescheduledEvent;
import io.coupons.api.rule.DiscountRuleCreatedEvent;
import io.coupons.api.rule.DiscountRuleRetiredEvent;
import io.coupons.api.rule.DiscountRuleRevisedEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The redemption lookup tables are written by a subscribing processor, which sees only events
 * published after it exists. A database whose campaigns and rules were created by an earlier
 * version has the events but empty tables: at start-up this replays exactly those events, in
 * global order, through the same handlers, once (the tables being empty is the marker; the
 * handlers' inserts skip rows that exist, so two instances starting together do no harm).
 */
@Component
public class RedemptionTermsBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RedemptionTermsBackfill.class);
    private static final List<Class<?>> EVENTS = List.of(CampaignCreatedEvent.class, CampaignCodeChangedEvent.class,
            CampaignDiscountRuleLinkedEvent.class, CampaignDiscountRuleUnlinkedEvent.class,
            CampaignRescheduledEvent.class, CampaignArchivedEvent.class, DiscountRuleCreatedEvent.class,
            DiscountRuleRevisedEvent.class, DiscountRuleRetiredEvent.class);

    private final JdbcClient jdbc;
    private final EventStore eventStore;
    private final AnnotationEventHandlerAdapter projection;
    private final TransactionTemplate transaction;

    public RedemptionTermsBackfill(JdbcClient jdbc, EventStore eventStore, RedemptionTermsProjection projection,
                                   TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.projection = new AnnotationEventHandlerAdapter(projection);
        this.transaction = transaction;
    }

    /**
     * Reads the events through Axon's event store API, from the first, so it works with whatever
     * store is configured (SQL on Axon's tables would not: they are the JPA store's). Payloads are
     * deserialized only for the campaign and rule events (the others are skipped by type).
     */
    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            boolean empty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM redemption_campaign) "
                    + "AND NOT EXISTS (SELECT 1 FROM redemption_rule)").query(Boolean.class).single();
            if (!empty) {
                return;
            }
            int replayed = 0;
            // The stream tails the store for ever: read up to the head as it is now (null: no events).
            TrackingToken head = eventStore.createHeadToken();
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                while (head != null && stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    if (EVENTS.contains(event.getPayloadType())) {
                        projection.handle(event);
                        replayed++;
                    }
                    if (event.trackingToken().covers(head)) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Backfilling redemption terms was interrupted", e);
            } catch (Exception e) {
                throw new IllegalStateException("Backfilling redemption terms failed", e);
            }
            if (replayed > 0) {
                log.info("Redemption terms backfilled from {} campaign and rule events", replayed);
            }
        });
    }
}
