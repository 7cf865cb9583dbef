package io.coupons.api.rule;

import java.util.UUID;

/** One rule. Answers {@link DiscountRuleView}, or {@code null} when the query side does not know it. */
public record GetDiscountRuleQuery(UUID ruleId) {
}
