package io.coupons.api.rule;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a rule's name and terms (the admin's edit form, saved with OK). */
public record ReviseDiscountRuleCommand(@TargetAggregateIdentifier DiscountRuleId ruleId, String name,
                                        DiscountTerms terms) {
}
