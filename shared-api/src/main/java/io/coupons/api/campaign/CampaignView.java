package io.coupons.api.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of the campaign table and the campaign's details.
 *
 * @param usesPerCode null when unlimited
 * @param urlToken    only for URL-token campaigns
 * @param version     sequence number of the campaign's last event this view reflects
 */
public record CampaignView(UUID id, String code, CampaignType type, CampaignStatus status, UUID discountRuleId,
                           String discountRuleName, Integer usesPerCode, Instant startsAt, Instant expiresAt,
                           String urlToken, String createdBy, Instant createdAt, Instant archivedAt,
                           Instant updatedAt, long version) {
}
