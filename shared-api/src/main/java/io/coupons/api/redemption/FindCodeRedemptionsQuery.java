package io.coupons.api.redemption;

import io.coupons.api.common.PageRequest;

/** A code's redemption list, newest first. Answers {@link RedemptionPage}. */
public record FindCodeRedemptionsQuery(String code, PageRequest page) {
}
