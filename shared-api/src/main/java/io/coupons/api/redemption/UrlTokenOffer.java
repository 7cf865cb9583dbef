package io.coupons.api.redemption;

import io.coupons.api.campaign.CampaignStatus;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The offer behind a URL token, as a storefront needs it to show and auto-apply the discount. It
 * is informative only: the checkout still validates or redeems the token with the order.
 *
 * @param offerAvailable the campaign is active and has a discount rule linked
 */
public record UrlTokenOffer(String token, UUID campaignId, String code, CampaignStatus status,
                           boolean offerAvailable, BigDecimal percentOff, BigDecimal discountLimit,
                           BigDecimal flatAmountOff, boolean freeGroundShipping, String currency,
                           BigDecimal orderMinimum, String displayMessage) {
}
