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
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
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
    private final Serializer serializer;
    private final AnnotationEventHandlerAdapter projection;
    private final TransactionTemplate transaction;

    public RedemptionTermsBackfill(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer,
                                   RedemptionTermsProjection projection, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.projection = new AnnotationEventHandlerAdapter(projection);
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            boolean empty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM redemption_campaign) "
                    + "AND NOT EXISTS (SELECT 1 FROM redemption_rule)").query(Boolean.class).single();
            if (!empty) {
                return;
            }
            List<String> types = EVENTS.stream().map(Class::getName).toList();
            int[] replayed = {0};
            jdbc.sql("""
                            SELECT payload, payload_type, payload_revision FROM domain_event_entry
                            WHERE payload_type = ANY (?) ORDER BY global_index""")
                    .param(types.toArray(String[]::new))
                    .query(rs -> {
                        Object payload = serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(1),
                                byte[].class, rs.getString(2), rs.getString(3)));
                        try {
                            projection.handle(GenericEventMessage.asEventMessage(payload));
                        } catch (Exception e) {
                            throw new IllegalStateException("Backfilling redemption terms failed", e);
                        }
                        replayed[0]++;
                    });
            if (replayed[0] > 0) {
                log.info("Redemption terms backfilled from {} campaign and rule events", replayed[0]);
            }
        });
    }
}
