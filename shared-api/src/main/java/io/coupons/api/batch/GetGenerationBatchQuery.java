package io.coupons.api.batch;

import java.util.UUID;

/** One batch by campaign and number. Answers an optional {@link GenerationBatchView}. */
public record GetGenerationBatchQuery(UUID campaignId, int batchNumber) {
}
