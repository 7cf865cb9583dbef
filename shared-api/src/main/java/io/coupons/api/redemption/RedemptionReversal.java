package io.coupons.api.redemption;

import java.time.Instant;
import java.util.UUID;

/**
 * Answer to {@link ReverseRedemptionCommand}.
 *
 * @param alreadyReversed true when an earlier reversal had already given the use back
 */
public record RedemptionReversal(UUID redemptionId, String code, String orderId, Instant reversedAt,
                                 boolean alreadyReversed) {
}
