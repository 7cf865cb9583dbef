package io.coupons.api.rule;

import org.axonframework.serialization.Revision;

/** The rule's name and terms were replaced as a whole by an admin's edit. */
@Revision("1")
public record DiscountRuleRevisedEvent(DiscountRuleId ruleId, String name, DiscountTerms terms) {
}
