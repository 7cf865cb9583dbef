package io.coupons.command.batch;

import io.coupons.api.batch.BatchAccepted;
import io.coupons.api.batch.GenerationBatchState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The generation_batch table: the working state of each run, of a campaign (codes PREFIX-RANDOM)
 * or of a promo batch (codes of {@code randomLength} characters, no prefix; a segment run reads
 * its pinned member set in account order, {@code segmentAfter} being the last account served).
 */
@Component
public class GenerationBatches {

    /** First key of the two-key advisory lock of a promo code length's space, "PRSP". */
    private static final int PROMO_SPACE_LOCK = 0x50525350;

    private final JdbcClient jdbc;

    public GenerationBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A run as a chunk sees it, read under the row's lock. */
    public record Run(UUID batchId, UUID campaignId, int batchNumber, String prefix, long quantity, int randomLength,
                      long generated, int chunks, GenerationBatchState state, String requestedBy, int failures,
                      UUID promoBatchId, UUID segmentUploadId, String segmentAfter) {

        boolean finished() {
            return state == GenerationBatchState.COMPLETED || state == GenerationBatchState.FAILED;
        }

        boolean promo() {
            return promoBatchId != null;
        }
    }

    /** A promo batch's run as its command handler accepted it; {@code segmentUploadId} null for Number of Codes. */
    public record PromoRun(UUID runId, UUID promoBatchId, int runNumber, long quantity, int codeLength,
                           UUID segmentUploadId, String requestedBy) {
    }

    /** Records an accepted run; a retried request finds it there already and changes nothing. */
    void register(BatchAccepted batch, String prefix, String requestedBy) {
        jdbc.sql("""
                        INSERT INTO generation_batch (batch_id, campaign_id, batch_number, prefix, quantity, random_length,
                                                      state, requested_by)
                        VALUES (?, ?, ?, ?, ?, ?, 'REQUESTED', ?) ON CONFLICT (batch_id) DO NOTHING""")
                .params(batch.batchId(), batch.campaignId(), batch.batchNumber(), prefix, batch.quantity(),
                        batch.randomLength(), requestedBy)
                .update();
    }

    /** Records an accepted promo run, in the transaction of the event that accepted it. */
    public void register(PromoRun run) {
        jdbc.sql("""
                        INSERT INTO generation_batch (batch_id, promo_batch_id, batch_number, prefix, quantity, random_length,
                                                      segment_upload_id, state, requested_by)
                        VALUES (?, ?, ?, '', ?, ?, ?, 'REQUESTED', ?) ON CONFLICT (batch_id) DO NOTHING""")
                .params(run.runId(), run.promoBatchId(), run.runNumber(), run.quantity(), run.codeLength(),
                        run.segmentUploadId(), run.requestedBy())
                .update();
    }

    /**
     * Every promo code ever requested with this length: an upper bound of that key space's use
     * (promo codes have no prefix, so all batches of one length share one space).
     */
    public long requestedForPromoLength(int codeLength) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM generation_batch WHERE promo_batch_id IS NOT NULL "
                        + "AND random_length = ?")
                .param(codeLength).query(Long.class).single();
    }

    /**
     * Serializes, across instances, the key-space checks of promo runs of one code length until the
     * transaction ends, so two concurrent requests cannot both take the last room.
     */
    public void lockPromoSpace(int codeLength) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(PROMO_SPACE_LOCK, codeLength).query((rs, i) -> 1)
                .single();
    }

    public boolean exists(UUID runId) {
        return jdbc.sql("SELECT 1 FROM generation_batch WHERE batch_id = ?").param(runId).query(Integer.class)
                .optional().isPresent();
    }

    List<UUID> unfinished() {
        return jdbc.sql("SELECT batch_id FROM generation_batch WHERE state IN ('REQUESTED', 'RUNNING') "
                + "ORDER BY requested_at").query(UUID.class).list();
    }

    /** Every code ever requested for the campaign: an upper bound of its pool. */
    long requestedFor(UUID campaignId) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM generation_batch WHERE campaign_id = ?")
                .param(campaignId).query(Long.class).single();
    }

    /** Locks the run's row until the end of the current transaction: one chunk at a time per run. */
    Optional<Run> lock(UUID batchId) {
        return jdbc.sql("SELECT * FROM generation_batch WHERE batch_id = ? FOR UPDATE").param(batchId)
                .query((row, i) -> new Run(row.getObject("batch_id", UUID.class),
                        row.getObject("campaign_id", UUID.class), row.getInt("batch_number"), row.getString("prefix"),
                        row.getLong("quantity"), row.getInt("random_length"), row.getLong("generated"),
                        row.getInt("chunks"), GenerationBatchState.valueOf(row.getString("state")),
                        row.getString("requested_by"), row.getInt("failures"),
                        row.getObject("promo_batch_id", UUID.class), row.getObject("segment_upload_id", UUID.class),
                        row.getString("segment_after")))
                .optional();
    }

    /** @param segmentAfter the last account a segment run has served (null for other runs) */
    void recordChunk(UUID batchId, long generated, GenerationBatchState state, String segmentAfter) {
        jdbc.sql("UPDATE generation_batch SET generated = ?, chunks = chunks + 1, state = ?, failures = 0, "
                        + "segment_after = ?, updated_at = now() WHERE batch_id = ?")
                .params(generated, state.name(), segmentAfter, batchId).update();
    }

    int recordFailure(UUID batchId) {
        return jdbc.sql("UPDATE generation_batch SET failures = failures + 1, updated_at = now() WHERE batch_id = ? "
                        + "RETURNING failures")
                .param(batchId).query(Integer.class).single();
    }

    /** Runs not finished yet, and the codes they still have to generate (for the metrics). */
    public record Backlog(long runs, long codes) {
    }

    public Backlog backlog() {
        return jdbc.sql("SELECT count(*), coalesce(sum(quantity - generated), 0) FROM generation_batch "
                        + "WHERE state IN ('REQUESTED', 'RUNNING')")
                .query((row, i) -> new Backlog(row.getLong(1), row.getLong(2))).single();
    }

    void markFailed(UUID batchId) {
        jdbc.sql("UPDATE generation_batch SET state = 'FAILED', updated_at = now() WHERE batch_id = ?")
                .param(batchId).update();
    }
}
