package io.coupons.api.promo;

import io.coupons.api.batch.GenerationBatchState;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One generation run of a promo batch: its history line with progress. */
public record PromoRunView(UUID runId, int runNumber, PromoRunKind kind, @Nullable String sourceCode, long quantity,
                           int codeLength, long generated, GenerationBatchState state,
                           @Nullable String failureReason, @Nullable String requestedBy, Instant requestedAt,
                           @Nullable Instant completedAt) {
}
