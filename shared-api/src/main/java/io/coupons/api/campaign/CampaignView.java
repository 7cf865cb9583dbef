package io.coupons.api.campaign;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row of the campaign table and the campaign's details.
 *
 * @param usesPerCode null when unlimited
 * @param urlToken    only for URL-token campaigns
 * @param version     sequence number of the campaign's last event this view reflects
 */
public record CampaignView(UUID id, String code, CampaignType type, CampaignStatus status,
                           @Nullable UUID discountRuleId, @Nullable String discountRuleName,
                           @Nullable Integer usesPerCode, @Nullable Instant startsAt, @Nullable Instant expiresAt,
                           @Nullable String urlToken, @Nullable String createdBy, Instant createdAt,
                           @Nullable Instant archivedAt, Instant updatedAt, long version) {
}
