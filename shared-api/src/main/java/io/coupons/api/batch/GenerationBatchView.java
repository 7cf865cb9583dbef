package io.coupons.api.batch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row of the generation history: Batch, When, Who, Codes, Exported, plus progress.
 *
 * @param generated codes generated so far (and searchable: they are projected in the same step)
 */
public record GenerationBatchView(UUID batchId, UUID campaignId, int batchNumber, Instant requestedAt,
                                  @Nullable String requestedBy, long quantity, int randomLength, long generated,
                                  GenerationBatchState state, @Nullable Instant completedAt,
                                  @Nullable String failureReason, boolean exported, List<Download> downloads) {

    public GenerationBatchView {
        downloads = downloads == null ? List.of() : List.copyOf(downloads);
    }

    public GenerationBatchView withDownloads(List<Download> downloadsOfBatch) {
        return new GenerationBatchView(batchId, campaignId, batchNumber, requestedAt, requestedBy, quantity,
                randomLength, generated, state, completedAt, failureReason, exported, downloadsOfBatch);
    }

    /** One download of the batch: who, when, which format. */
    public record Download(@Nullable String downloadedBy, Instant downloadedAt, DownloadFormat format) {
    }
}
