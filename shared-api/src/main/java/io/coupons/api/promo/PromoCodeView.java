package io.coupons.api.promo;

import io.coupons.api.rule.DiscountTerms;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One promo code as Show List and Find Coupon show it.
 *
 * @param terms          the rules in force: the code's own (an Edit, or a clone of an edited code), else the batch's
 * @param overridden     the code has rules of its own
 * @param codeEnabled    the code's own flag (true unless switched off alone); it works only when the batch is enabled too
 * @param deleted        the batch was deleted: the code no longer works
 * @param remainingUses  inventory left (allowance minus uses in the current Set); null: unlimited
 * @param redemptions    redemptions in force, every Set (recorded minus reversed)
 */
public record PromoCodeView(String code, UUID promoBatchId, String batchName, int runNumber,
                            @Nullable String accountId, DiscountTerms terms, boolean overridden,
                            boolean batchEnabled, boolean codeEnabled, boolean deleted, boolean inventoryEnabled,
                            @Nullable Long remainingUses, long redemptions, @Nullable Instant lastUsedAt) {
}
