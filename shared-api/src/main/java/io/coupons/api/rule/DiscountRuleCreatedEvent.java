package io.coupons.api.rule;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DiscountRuleCreatedEvent(DiscountRuleId ruleId, String name, DiscountTerms terms) {
}
