package io.coupons.api.campaign;

import java.util.UUID;

/** One campaign's details. Answers {@link CampaignView}, or {@code null} when unknown to the query side. */
public record GetCampaignQuery(UUID campaignId) {
}
