package io.coupons.api.promo;

import java.util.UUID;

/** A promo batch's usage: answers {@link PromoBatchUsage} (zeros when never redeemed). */
public record GetPromoBatchUsageQuery(UUID promoBatchId) {
}
