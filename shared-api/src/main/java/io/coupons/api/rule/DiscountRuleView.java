package io.coupons.api.rule;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record DiscountRuleView(UUID id, String name, DiscountTerms terms, boolean retired,
                                @Nullable String createdBy, Instant createdAt, Instant updatedAt, long version) {
}
