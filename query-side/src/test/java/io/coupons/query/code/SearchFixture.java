package io.coupons.query.code;

import io.coupons.api.batch.BatchCodesGeneratedEvent;
import io.coupons.api.batch.BatchGenerationCompletedEvent;
import io.coupons.api.batch.BatchGenerationRequestedEvent;
import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignCodeChangedEvent;
import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignRescheduledEvent;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.rule.DiscountRuleCreatedEvent;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.query.EventAppender;
import io.coupons.query.redemption.UsageFixture;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionTemplate;

/** Campaigns with their own event streams (sequence numbers tracked here), codes and rules, in the real store. */
final class SearchFixture {

    private final EventAppender events;
    final UsageFixture usage;

    SearchFixture(EventStore eventStore, TransactionTemplate transactions) {
        this.events = new EventAppender(eventStore, transactions);
        this.usage = new UsageFixture(eventStore, transactions);
    }

    DiscountRuleId rule(String name) {
        DiscountRuleId rule = DiscountRuleId.random();
        events.append("DiscountRule", rule, 0, new DiscountRuleCreatedEvent(rule, name, new DiscountTerms(
                new BigDecimal("10"), null, false, null, false, false, "USD", false, false, false, null, null, null,
                List.of(), null, "10% off", null, null, null, null)));
        return rule;
    }

    Campaign campaign(String code, CampaignType type, Integer usesPerCode, DiscountRuleId rule) {
        CampaignId id = CampaignId.random();
        Campaign campaign = new Campaign(id, code);
        campaign.append(new CampaignCreatedEvent(id, code, type, rule, usesPerCode, null, null,
                type == CampaignType.URL_TOKEN ? "tok" + id.value().toString().replace("-", "") : null));
        return campaign;
    }

    /** A campaign's stream: each event takes the next sequence number. */
    final class Campaign {

        final CampaignId id;
        final String code;
        private final AtomicLong sequence = new AtomicLong();

        private Campaign(CampaignId id, String code) {
            this.id = id;
            this.code = code;
        }

        void append(Object event) {
            events.append("Campaign", id, sequence.getAndIncrement(), event);
        }

        void reschedule(Instant startsAt, Instant expiresAt) {
            append(new CampaignRescheduledEvent(id, startsAt, expiresAt));
        }

        void changeCode(String from, String to) {
            append(new CampaignCodeChangedEvent(id, from, to));
        }

        /** A finished batch of exactly these codes ({@code CODE-RANDOM}, every random part the same length). */
        BatchId generate(int number, List<String> codes) {
            BatchId batch = BatchId.random();
            int randomLength = codes.get(0).length() - code.length() - 1;
            append(new BatchGenerationRequestedEvent(id, batch, number, code, codes.size(), randomLength));
            usage.publish(BatchCodesGeneratedEvent.of(batch, id, number, 0, code, randomLength, codes, codes.size()));
            usage.publish(new BatchGenerationCompletedEvent(batch, id, number, codes.size()));
            return batch;
        }
    }
}
