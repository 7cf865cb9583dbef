package io.coupons.api.batch;

import java.util.UUID;

/** A batch was accepted: its id and its number within the campaign (1, 2, 3...). */
public record BatchAccepted(UUID campaignId, UUID batchId, int batchNumber, long quantity, int randomLength) {
}
