package io.coupons.query.promo;

import io.coupons.api.batch.BatchId;
import io.coupons.api.common.AuditMetadata;
import io.coupons.api.promo.GenerationMethod;
import io.coupons.api.promo.InventoryAction;
import io.coupons.api.promo.PromoBatchCreatedEvent;
import io.coupons.api.promo.PromoBatchDeletedEvent;
import io.coupons.api.promo.PromoBatchEnabledChangedEvent;
import io.coupons.api.promo.PromoBatchId;
import io.coupons.api.promo.PromoCodeEditedEvent;
import io.coupons.api.promo.PromoCodesCloneRequestedEvent;
import io.coupons.api.promo.PromoCodesGeneratedEvent;
import io.coupons.api.promo.PromoGenerationCompletedEvent;
import io.coupons.api.promo.PromoInventoryModifiedEvent;
import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.redemption.Discount;
import io.coupons.api.redemption.RedemptionId;
import io.coupons.api.redemption.RedemptionReversedEvent;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.query.EventAppender;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Promo batch events as the command side records them: the batch's own events in its stream, the
 * code chunks and run completions outside it; redemptions of promo codes with no campaign.
 */
public final class PromoEvents {

    public static final int LENGTH = 10;

    private final EventStore eventStore;
    private final TransactionTemplate transactions;
    private final EventAppender aggregateEvents;
    private final Map<PromoBatchId, Long> sequences = new HashMap<>();
    private final Map<PromoBatchId, UUID> firstRuns = new HashMap<>();

    public PromoEvents(EventStore eventStore, TransactionTemplate transactions) {
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.aggregateEvents = new EventAppender(eventStore, transactions);
    }

    public static DiscountTerms terms(String percent, String pnl, String transactionType) {
        return new DiscountTerms(new BigDecimal(percent), new BigDecimal("50"), false, null, false, false, "USD",
                false, true, false, new BigDecimal("100"), null, null, List.of(), null, percent + "% off", null, null,
                pnl, transactionType);
    }

    /** {@code count} distinct codes of {@link #LENGTH} characters, A-F and digits. */
    public static List<String> codes(int count) {
        String stem = UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase();
        return IntStream.range(0, count).mapToObj(i -> stem + String.format("%05d", i)).toList();
    }

    public PromoBatchId create(String name, String segmentName, long quantity, DiscountTerms terms, Long inventory) {
        PromoBatchId id = PromoBatchId.random();
        UUID run = UUID.randomUUID();
        firstRuns.put(id, run);
        append(id, new PromoBatchCreatedEvent(id, name, segmentName == null ? GenerationMethod.NUMBER_OF_CODES
                : GenerationMethod.TARGET_USER_SEGMENT, segmentName == null ? null : UUID.randomUUID(), segmentName,
                segmentName == null ? null : 1, run, quantity, LENGTH, true, terms, inventory != null, inventory));
        return id;
    }

    public UUID firstRun(PromoBatchId id) {
        return firstRuns.get(id);
    }

    public void chunk(PromoBatchId id, UUID run, int runNumber, int chunk, List<String> codes, List<String> accounts,
                      long generated) {
        publish(PromoCodesGeneratedEvent.of(id, run, runNumber, chunk, LENGTH, codes, accounts, generated));
    }

    public void completed(PromoBatchId id, UUID run, int runNumber, long generated) {
        publish(new PromoGenerationCompletedEvent(id, run, runNumber, generated));
    }

    /** A whole run 1 of the given codes: one chunk, completed. */
    public PromoBatchId generated(String name, String segmentName, List<String> codes, List<String> accounts,
                                  DiscountTerms terms, Long inventory) {
        PromoBatchId id = create(name, segmentName, codes.size(), terms, inventory);
        chunk(id, firstRun(id), 1, 0, codes, accounts, codes.size());
        completed(id, firstRun(id), 1, codes.size());
        return id;
    }

    public UUID cloneRequested(PromoBatchId id, int runNumber, String source, long quantity, DiscountTerms override,
                               boolean enabled) {
        UUID run = UUID.randomUUID();
        append(id, new PromoCodesCloneRequestedEvent(id, run, runNumber, source, quantity, LENGTH, override,
                enabled));
        return run;
    }

    public void edit(PromoBatchId id, String code, DiscountTerms terms, boolean enabled) {
        append(id, new PromoCodeEditedEvent(id, code, terms, enabled));
    }

    public void inventory(PromoBatchId id, InventoryAction action, long amount, long allowance, int setNumber) {
        append(id, new PromoInventoryModifiedEvent(id, action, amount, allowance, setNumber));
    }

    public void enabled(PromoBatchId id, boolean enabled) {
        append(id, new PromoBatchEnabledChangedEvent(id, enabled));
    }

    public void delete(PromoBatchId id) {
        append(id, new PromoBatchDeletedEvent(id));
    }

    public CodeRedeemedEvent redeem(String code, PromoBatchId id, Integer inventorySet, Instant at, String total) {
        String order = "order-" + UUID.randomUUID();
        CodeRedeemedEvent event = new CodeRedeemedEvent(RedemptionId.of(code, order), code, null,
                new BatchId(firstRuns.getOrDefault(id, UUID.randomUUID())), order, "acc-1", at, false,
                inventorySet != null, false, new BigDecimal("120.00"), new Discount("USD", List.of(),
                new BigDecimal(total), false, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(total), "off"),
                "fingerprint", id, inventorySet);
        aggregateEvents.append("Redemption", event.redemptionId(), 0, event);
        return event;
    }

    public void reverse(CodeRedeemedEvent redeemed, Instant at) {
        aggregateEvents.append("Redemption", redeemed.redemptionId(), 1, new RedemptionReversedEvent(
                redeemed.redemptionId(), redeemed.code(), null, redeemed.batchId(), redeemed.orderId(),
                redeemed.accountId(), at, "cancelled", "USD", redeemed.discount().total()));
    }

    /** Outside any aggregate's stream, as chunks are (and as a redelivery would bring an event again). */
    public void publish(Object payload) {
        transactions.executeWithoutResult(status -> eventStore.publish(GenericEventMessage.asEventMessage(payload)
                .andMetaData(Map.of(AuditMetadata.USER, "worker"))));
    }

    private void append(PromoBatchId id, Object event) {
        long sequence = sequences.merge(id, 0L, (old, zero) -> old + 1);
        aggregateEvents.append("PromoBatch", id, sequence, event);
    }
}
