package io.coupons.command.batch;

import io.coupons.api.batch.BatchAccepted;
import io.coupons.api.batch.GenerationBatchState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The generation_batch table: the working state of each run. */
@Component
public class GenerationBatches {

    private final JdbcClient jdbc;

    public GenerationBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A run as a chunk sees it, read under the row's lock. */
    public record Run(UUID batchId, UUID campaignId, int batchNumber, String prefix, long quantity, int randomLength,
                      long generated, int chunks, GenerationBatchState state, String requestedBy, int failures) {

        boolean finished() {
            return state == GenerationBatchState.COMPLETED || state == GenerationBatchState.FAILED;
        }
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
                        row.getString("requested_by"), row.getInt("failures")))
                .optional();
    }

    void recordChunk(UUID batchId, long generated, GenerationBatchState state) {
        jdbc.sql("UPDATE generation_batch SET generated = ?, chunks = chunks + 1, state = ?, failures = 0, "
                        + "updated_at = now() WHERE batch_id = ?")
                .params(generated, state.name(), batchId).update();
    }

    int recordFailure(UUID batchId) {
        return jdbc.sql("UPDATE generation_batch SET failures = failures + 1, updated_at = now() WHERE batch_id = ? "
                        + "RETURNING failures")
                .param(batchId).query(Integer.class).single();
    }

    void markFailed(UUID batchId) {
        jdbc.sql("UPDATE generation_batch SET state = 'FAILED', updated_at = now() WHERE batch_id = ?")
                .param(batchId).update();
    }
}
