package io.coupons.query.redemption;

import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.redemption.RedemptionReversedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Usage tracking: every redemption, per-code counters and per-day statistics, in one processing
 * group so a redemption and everything it counts commit together. Counters move only when the
 * redemption's row is inserted or flips to reversed, so a redelivered event counts nothing twice.
 */
@Component
@ProcessingGroup(UsageProjection.PROCESSING_GROUP)
public class UsageProjection {

    public static final String PROCESSING_GROUP = "usage";

    private final RedemptionRows redemptions;
    private final CodeUsageRows codes;
    private final DailyUsageRows days;

    public UsageProjection(RedemptionRows redemptions, CodeUsageRows codes, DailyUsageRows days) {
        this.redemptions = redemptions;
        this.codes = codes;
        this.days = days;
    }

    @EventHandler
    void on(CodeRedeemedEvent event, @Timestamp Instant recordedAt) {
        Instant at = event.redeemedAt() == null ? recordedAt : event.redeemedAt();
        Money discount = Money.given(event.discount());
        if (!redemptions.insert(event, at, discount)) {
            return;
        }
        boolean firstUse = codes.recordUse(event.code(), event.campaignId().value(),
                event.batchId() == null ? null : event.batchId().value(), at, discount);
        days.redeemed(event.campaignId().value(), event.batchId() == null ? null : event.batchId().value(), day(at),
                discount, firstUse);
    }

    /** Takes back what the redemption counted (from its row, not the event), on the day of the reversal. */
    @EventHandler
    void on(RedemptionReversedEvent event, @Timestamp Instant recordedAt) {
        Instant at = event.reversedAt() == null ? recordedAt : event.reversedAt();
        redemptions.reverse(event.redemptionId().value(), at, event.reason()).ifPresent(reversed -> {
            codes.reverseUse(reversed.code(), reversed.currency(), reversed.discountTotal());
            days.reversed(reversed.campaignId(), reversed.batchId(), day(at), reversed.currency(),
                    reversed.discountTotal());
        });
    }

    @ResetHandler
    void reset() {
        redemptions.deleteAll();
        codes.deleteAll();
        days.deleteAll();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
