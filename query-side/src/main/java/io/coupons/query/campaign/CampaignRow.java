package io.coupons.query.campaign;

import io.coupons.api.campaign.CampaignType;
import java.time.Instant;
import java.util.UUID;

/** A new campaign_view row, as the creation event describes it. */
record CampaignRow(UUID id, String code, CampaignType type, UUID discountRuleId, Integer usesPerCode,
                   Instant startsAt, Instant expiresAt, String urlToken, String createdBy, Instant at, long version) {
}
