package io.coupons.api.campaign;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move the campaign's start and expiry (null: immediately / never). */
public record RescheduleCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId, Instant startsAt,
                                        Instant expiresAt) {
}
