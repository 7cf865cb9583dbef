package io.coupons.api.rule;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a rule out of use for new links; campaigns already linked keep it. */
public record RetireDiscountRuleCommand(@TargetAggregateIdentifier DiscountRuleId ruleId) {
}
