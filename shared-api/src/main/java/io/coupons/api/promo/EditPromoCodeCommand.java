package io.coupons.api.promo;

import io.coupons.api.rule.DiscountTerms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Edit one code: its own rules and enabled flag, overriding the batch's for that code only. */
public record EditPromoCodeCommand(@TargetAggregateIdentifier PromoBatchId promoBatchId, @Nullable String code,
                                   @Nullable DiscountTerms terms, boolean enabled) {
}
