package io.coupons.api.redemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The order was cancelled or refunded: give the use back, keep the history. Reversing twice
 * changes nothing the second time. Answers {@link RedemptionReversal}; an unknown redemption is
 * refused with 404.
 *
 * @param reason free text for auditors (e.g. "order cancelled"), optional
 */
public record ReverseRedemptionCommand(@TargetAggregateIdentifier RedemptionId redemptionId, String reason) {
}
