package io.coupons.api.redemption;

import io.coupons.api.common.PageRequest;

/**
 * A code's redemption list, newest first, across every campaign that had the code (each row names
 * its campaign; the total counts them all). Answers {@link RedemptionPage}.
 */
public record FindCodeRedemptionsQuery(String code, PageRequest page) {
}
