package io.coupons.api.redemption;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The answer to validating or redeeming a code: accepted with the discount, or refused with one
 * stable reason and a message for people.
 *
 * @param accepted           the code applies (and, for a redemption, the use was recorded)
 * @param reason             why not, when not accepted
 * @param message            human-readable explanation of the reason
 * @param redemptionId       the recorded redemption (redeem only), also on a repeated request
 * @param code               the code as stored (upper-case); for a URL token, its campaign's code
 * @param campaignId         the code's campaign, when the code is known
 * @param discount           what it gives, when accepted
 * @param repeated           true when this answers a redemption already recorded for the same
 *                           code and order (nothing was counted again)
 * @param retryAfterSeconds  with {@link RejectionReason#TOO_MANY_ATTEMPTS}: when to try again
 */
public record RedemptionDecision(boolean accepted, @Nullable RejectionReason reason, @Nullable String message,
                                 @Nullable UUID redemptionId, @Nullable String code, @Nullable UUID campaignId,
                                 @Nullable Discount discount, boolean repeated, @Nullable Long retryAfterSeconds) {

    public static RedemptionDecision rejected(RejectionReason reason, String message, String code,
                                              UUID campaignId) {
        return new RedemptionDecision(false, reason, message, null, code, campaignId, null, false, null);
    }

    public static RedemptionDecision throttled(long retryAfterSeconds) {
        return new RedemptionDecision(false, RejectionReason.TOO_MANY_ATTEMPTS,
                "Too many unknown codes from this client; try again later.", null, null, null, null, false,
                retryAfterSeconds);
    }
}
