package io.coupons.api.marketing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A marketing campaign as the picker shows it.
 *
 * @param version sequence number of its last projected event (read-your-writes)
 */
public record MarketingCampaignView(UUID id, String name, @Nullable String description, Instant definedAt,
                                    @Nullable String definedBy, long version) {
}
