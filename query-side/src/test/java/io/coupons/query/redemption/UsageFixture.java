package io.coupons.query.redemption;

import io.coupons.api.batch.BatchCodesGeneratedEvent;
import io.coupons.api.batch.BatchGenerationCompletedEvent;
import io.coupons.api.batch.BatchGenerationRequestedEvent;
import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignArchivedEvent;
import io.coupons.api.campaign.CampaignCodeChangedEvent;
import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.redemption.Discount;
import io.coupons.api.redemption.RedemptionId;
import io.coupons.api.redemption.RedemptionReversedEvent;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.query.EventAppender;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionTemplate;

/** Campaigns, batches, redemptions and reversals as the command side records them, in the real store. */
public final class UsageFixture {

    private final EventAppender events;
    private final EventStore eventStore;
    private final TransactionTemplate transactions;

    public UsageFixture(EventStore eventStore, TransactionTemplate transactions) {
        this.events = new EventAppender(eventStore, transactions);
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    public static String uniqueCode(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    public CampaignId campaign(String code, CampaignType type, Integer usesPerCode, DiscountRuleId rule,
                               String urlToken) {
        CampaignId campaign = CampaignId.random();
        events.append("Campaign", campaign, 0, new CampaignCreatedEvent(campaign, code, type, rule, usesPerCode, null,
                null, urlToken));
        return campaign;
    }

    public void archive(CampaignId campaign, long sequence) {
        events.append("Campaign", campaign, sequence, new CampaignArchivedEvent(campaign));
    }

    /** A single code changed: {@code from} is free for another campaign to take. */
    public void changeCode(CampaignId campaign, long sequence, String from, String to) {
        events.append("Campaign", campaign, sequence, new CampaignCodeChangedEvent(campaign, from, to));
    }

    /** A finished batch of {@code count} codes {@code PREFIX-N00000}, N the batch number; answers the codes. */
    public List<String> batch(CampaignId campaign, String prefix, BatchId batch, int number, int count) {
        List<String> codes = IntStream.range(0, count)
                .mapToObj(i -> prefix + "-" + number + String.format("%05d", i)).toList();
        events.append("Campaign", campaign, number, new BatchGenerationRequestedEvent(campaign, batch, number, prefix,
                count, 6));
        publish(BatchCodesGeneratedEvent.of(batch, campaign, number, 0, prefix, 6, codes, count));
        publish(new BatchGenerationCompletedEvent(batch, campaign, number, count));
        return codes;
    }

    public CodeRedeemedEvent redeem(String code, CampaignId campaign, BatchId batch, String account, Instant at,
                             String currency, String total) {
        String order = "order-" + UUID.randomUUID();
        CodeRedeemedEvent event = new CodeRedeemedEvent(RedemptionId.of(code, order), code, campaign, batch, order,
                account, at, false, true, false, new BigDecimal("100.00"), new Discount(currency, List.of(),
                new BigDecimal(total), false, BigDecimal.ZERO, new BigDecimal("1.50"), new BigDecimal(total),
                "Thanks"), null);
        events.append("Redemption", event.redemptionId(), 0, event);
        return event;
    }

    public RedemptionReversedEvent reverse(CodeRedeemedEvent redeemed, Instant at, String reason) {
        RedemptionReversedEvent event = new RedemptionReversedEvent(redeemed.redemptionId(), redeemed.code(),
                redeemed.campaignId(), redeemed.batchId(), redeemed.orderId(), redeemed.accountId(), at, reason,
                redeemed.discount().currency(), redeemed.discount().total());
        events.append("Redemption", redeemed.redemptionId(), 1, event);
        return event;
    }

    /** The same event once more, as a redelivery would bring it (outside its aggregate's stream). */
    public void publish(Object payload) {
        transactions.executeWithoutResult(status -> eventStore.publish(GenericEventMessage.asEventMessage(payload)));
    }
}
