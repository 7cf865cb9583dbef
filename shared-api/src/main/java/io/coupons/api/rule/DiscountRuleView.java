package io.coupons.api.rule;

import java.time.Instant;
import java.util.UUID;

public record DiscountRuleView(UUID id, String name, DiscountTerms terms, boolean retired, String createdBy,
                               Instant createdAt, Instant updatedAt, long version) {
}
