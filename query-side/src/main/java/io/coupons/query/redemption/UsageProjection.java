package io.coupons.query.redemption;

import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.redemption.RedemptionReversedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Usage tracking: every redemption, per-code counters and per-day statistics, in one processing
 * group so a redemption and everything it counts commit together. Counters move only for
 * redemption rows inserted now or flipped to reversed now, so a redelivered event counts nothing
 * twice.
 *
 * <p>Handlers only collect; the processor's batch is written when its transaction commits, in a
 * few set-based statements whatever its size. Statement per event would cap a rebuild at about a
 * thousand redemptions a second; the project's target for rebuilding is twenty thousand.
 */
@Component
@ProcessingGroup(UsageProjection.PROCESSING_GROUP)
public class UsageProjection {

    public static final String PROCESSING_GROUP = "usage";

    private static final String BATCH = UsageBatch.class.getName();

    private final RedemptionRows redemptions;
    private final CodeUsageRows codes;
    private final DailyUsageRows days;
    private final PromoUsageRows promo;

    public UsageProjection(RedemptionRows redemptions, CodeUsageRows codes, DailyUsageRows days,
                           PromoUsageRows promo) {
        this.redemptions = redemptions;
        this.codes = codes;
        this.days = days;
        this.promo = promo;
    }

    @EventHandler
    void on(CodeRedeemedEvent event, @Timestamp Instant recordedAt) {
        batch().add(new RedemptionRows.Redeemed(event.redemptionId().value(), event.code(),
                event.campaignId() == null ? null : event.campaignId().value(),
                event.batchId() == null ? null : event.batchId().value(), event.orderId(),
                event.accountId(), event.redeemedAt() == null ? recordedAt : event.redeemedAt(),
                Money.given(event.discount()), event.discount() == null ? null : event.discount().credit(),
                event.viaUrlToken(), event.promoBatchId() == null ? null : event.promoBatchId().value(),
                event.inventorySet()));
    }

    /** What is taken back comes from the redemption's row (what was counted), on the reversal's own day. */
    @EventHandler
    void on(RedemptionReversedEvent event, @Timestamp Instant recordedAt) {
        batch().add(new RedemptionRows.Reversal(event.redemptionId().value(),
                event.reversedAt() == null ? recordedAt : event.reversedAt(), event.reason()));
    }

    @ResetHandler
    void reset() {
        redemptions.deleteAll();
        codes.deleteAll();
        days.deleteAll();
        promo.deleteAll();
    }

    /** The batch of the current transaction, written just before it commits (a failure rolls it all back). */
    private UsageBatch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            UsageBatch batch = new UsageBatch();
            unitOfWork.onPrepareCommit(committing -> write(batch));
            return batch;
        });
    }

    private void write(UsageBatch batch) {
        redemptions.planEachStatementForItsArrays();
        Set<UUID> inserted = redemptions.insert(batch.redeemed());
        List<RedemptionRows.Redeemed> counted = batch.redeemed().stream()
                .filter(redemption -> inserted.contains(redemption.redemptionId())).toList();
        // After the inserts: a reversal may follow its redemption within one batch.
        List<RedemptionRows.Reversed> reversed = redemptions.reverse(batch.reversals());
        // Promo codes have no campaign: their counters are the promo batch's (inventory Sets included).
        List<RedemptionRows.Redeemed> campaignCounted = counted.stream().filter(r -> !r.promo()).toList();
        List<RedemptionRows.Reversed> campaignReversed = reversed.stream().filter(r -> !r.promo()).toList();
        Set<CodeUsageRows.CodeOfCampaign> firstUses = codes.count(campaignCounted, campaignReversed);
        days.count(campaignCounted, campaignReversed, firstUses);
        promo.count(counted.stream().filter(RedemptionRows.Redeemed::promo).toList(),
                reversed.stream().filter(RedemptionRows.Reversed::promo).toList());
    }
}
