package io.coupons.api.batch;

import java.util.UUID;

/** Every batch of a campaign, newest first. Answers {@link GenerationHistory}. */
public record GetGenerationHistoryQuery(UUID campaignId) {
}
