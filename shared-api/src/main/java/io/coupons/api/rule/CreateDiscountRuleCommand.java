package io.coupons.api.rule;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define a reusable discount rule. Answers {@code CommandAccepted}. */
public record CreateDiscountRuleCommand(@TargetAggregateIdentifier DiscountRuleId ruleId, String name,
                                        DiscountTerms terms) {
}
