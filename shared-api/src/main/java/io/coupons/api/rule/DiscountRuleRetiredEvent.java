package io.coupons.api.rule;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DiscountRuleRetiredEvent(DiscountRuleId ruleId) {
}
