package io.coupons.api.rule;

import java.util.List;

public record DiscountRulePage(List<DiscountRuleView> items, long total, int page, int size) {
}
