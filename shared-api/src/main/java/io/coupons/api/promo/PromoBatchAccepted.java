package io.coupons.api.promo;

import java.util.UUID;

/** What Generate Batch and Clone answer: the batch, the numbered generation run and its size. */
public record PromoBatchAccepted(UUID promoBatchId, UUID runId, int runNumber, long quantity, int codeLength) {
}
