package io.coupons.api.campaign;

import io.coupons.api.rule.DiscountRuleId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a campaign. Answers {@code CommandAccepted}.
 *
 * @param code           what customers type; upper-cased by the command side
 * @param discountRuleId linked rule, or null
 * @param usesPerCode    redemptions allowed per code, or null for unlimited
 * @param startsAt       redeemable from (null: immediately)
 * @param expiresAt      redeemable until, exclusive (null: never expires)
 */
public record CreateCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId, String code, CampaignType type,
                                    DiscountRuleId discountRuleId, Integer usesPerCode, Instant startsAt,
                                    Instant expiresAt) {
}
