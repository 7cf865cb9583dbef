package io.coupons.api.rule;

import io.coupons.api.common.PageRequest;

/**
 * Rules for the admin table, newest first. Answers {@link DiscountRulePage}.
 *
 * @param text           case-insensitive part of the name (null: any)
 * @param includeRetired whether retired rules are listed
 */
public record FindDiscountRulesQuery(String text, boolean includeRetired, PageRequest page) {
}
