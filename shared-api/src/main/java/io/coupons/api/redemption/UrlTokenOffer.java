package io.coupons.api.redemption;

import io.coupons.api.campaign.CampaignStatus;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The offer behind a URL token, as a storefront needs it to show and auto-apply the discount. It
 * is informative only: the checkout still validates or redeems the token with the order.
 *
 * @param offerAvailable the campaign is active and has a discount rule linked
 */
public record UrlTokenOffer(String token, UUID campaignId, String code, CampaignStatus status, boolean offerAvailable,
                            @Nullable BigDecimal percentOff, @Nullable BigDecimal discountLimit,
                            @Nullable BigDecimal flatAmountOff, boolean freeGroundShipping, @Nullable String currency,
                            @Nullable BigDecimal orderMinimum, @Nullable String displayMessage) {
}
