package io.coupons.query.batch;

import io.coupons.api.batch.DownloadFormat;
import io.coupons.api.batch.GenerationBatchState;
import io.coupons.api.batch.GenerationBatchView;
import io.coupons.api.batch.GenerationHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The generation_batch_view and batch_download_view tables. */
@Component
public class GenerationBatchRows {

    private final JdbcClient jdbc;

    public GenerationBatchRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID batchId, UUID campaignId, int batchNumber, String prefix, String requestedBy, Instant requestedAt,
                long quantity, int randomLength) {
        jdbc.sql("""
                        INSERT INTO generation_batch_view (batch_id, campaign_id, batch_number, prefix, requested_by,
                                                           requested_at, quantity, random_length, state)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED') ON CONFLICT (batch_id) DO NOTHING""")
                .params(batchId, campaignId, batchNumber, prefix, requestedBy, Timestamp.from(requestedAt), quantity,
                        randomLength)
                .update();
    }

    /** The code prefix of a batch (the campaign code when it was generated). */
    String prefixOf(UUID batchId) {
        return jdbc.sql("SELECT prefix FROM generation_batch_view WHERE batch_id = ?").param(batchId)
                .query(String.class).single();
    }

    public Optional<Integer> batchNumber(UUID batchId) {
        return jdbc.sql("SELECT batch_number FROM generation_batch_view WHERE batch_id = ?").param(batchId)
                .query(Integer.class).optional();
    }

    public Optional<UUID> campaignOf(UUID batchId) {
        return jdbc.sql("SELECT campaign_id FROM generation_batch_view WHERE batch_id = ?").param(batchId)
                .query(UUID.class).optional();
    }

    /** Progress only moves forward, so a replayed chunk changes nothing. */
    void progress(UUID batchId, long generated) {
        jdbc.sql("""
                        UPDATE generation_batch_view SET generated = GREATEST(generated, ?),
                               state = CASE WHEN state = 'REQUESTED' THEN 'RUNNING' ELSE state END
                        WHERE batch_id = ?""")
                .params(generated, batchId).update();
    }

    void finish(UUID batchId, GenerationBatchState state, long generated, Instant at, String reason) {
        jdbc.sql("""
                        UPDATE generation_batch_view SET state = ?, generated = GREATEST(generated, ?), completed_at = ?,
                               failure_reason = ?
                        WHERE batch_id = ?""")
                .params(state.name(), generated, Timestamp.from(at), reason, batchId).update();
    }

    void downloaded(String eventId, UUID batchId, String user, Instant at, DownloadFormat format) {
        jdbc.sql("""
                        INSERT INTO batch_download_view (event_id, batch_id, downloaded_by, downloaded_at, format)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")
                .params(eventId, batchId, user, Timestamp.from(at), format.name()).update();
        jdbc.sql("UPDATE generation_batch_view SET exported = true WHERE batch_id = ?").param(batchId).update();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE generation_batch_view, batch_download_view").update();
    }

    Optional<GenerationBatchView> find(UUID campaignId, int batchNumber) {
        List<GenerationBatchView> found = batches("WHERE b.campaign_id = ? AND b.batch_number = ?", campaignId,
                batchNumber);
        return found.stream().findFirst();
    }

    /** Newest first, each with its downloads. */
    List<GenerationBatchView> history(UUID campaignId) {
        return batches("WHERE b.campaign_id = ?", campaignId);
    }

    /**
     * Generated codes from the history, redemptions from usage tracking (code_usage_view has a row
     * only for codes ever redeemed, and an index that answers this without the table).
     */
    GenerationHistory.PoolStats poolStats(UUID campaignId, Integer usesPerCode) {
        return jdbc.sql("""
                        SELECT (SELECT coalesce(sum(generated), 0) FROM generation_batch_view WHERE campaign_id = :id)
                                   AS generated, u.redeemed, u.total
                        FROM (SELECT count(*) FILTER (WHERE recorded > reversals) AS redeemed,
                                     coalesce(sum(recorded - reversals), 0) AS total
                              FROM code_usage_view WHERE campaign_id = :id AND batch_id IS NOT NULL) u""")
                .param("id", campaignId)
                .query((row, i) -> {
                    long generated = row.getLong("generated");
                    long total = row.getLong("total");
                    Long remaining = usesPerCode == null ? null : usesPerCode * generated - total;
                    return new GenerationHistory.PoolStats(generated, row.getLong("redeemed"), total, remaining);
                })
                .single();
    }

    private List<GenerationBatchView> batches(String where, Object... parameters) {
        List<GenerationBatchView> batches = jdbc.sql("SELECT * FROM generation_batch_view b " + where
                        + " ORDER BY b.batch_number DESC")
                .params(parameters).query(GenerationBatchRows::row).list();
        if (batches.isEmpty()) {
            return batches;
        }
        Map<UUID, List<GenerationBatchView.Download>> downloads = jdbc.sql("""
                        SELECT batch_id, downloaded_by, downloaded_at, format FROM batch_download_view
                        WHERE batch_id = ANY(?) ORDER BY downloaded_at""")
                .param(batches.stream().map(GenerationBatchView::batchId).toArray(UUID[]::new))
                .query((row, i) -> Map.entry(row.getObject("batch_id", UUID.class), new GenerationBatchView.Download(
                        row.getString("downloaded_by"), row.getTimestamp("downloaded_at").toInstant(),
                        DownloadFormat.valueOf(row.getString("format")))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return batches.stream()
                .map(batch -> batch.withDownloads(downloads.getOrDefault(batch.batchId(), List.of()))).toList();
    }

    private static GenerationBatchView row(ResultSet row, int rowNumber) throws SQLException {
        Timestamp completed = row.getTimestamp("completed_at");
        return new GenerationBatchView(row.getObject("batch_id", UUID.class), row.getObject("campaign_id", UUID.class),
                row.getInt("batch_number"), row.getTimestamp("requested_at").toInstant(), row.getString("requested_by"),
                row.getLong("quantity"), row.getInt("random_length"), row.getLong("generated"),
                GenerationBatchState.valueOf(row.getString("state")), completed == null ? null : completed.toInstant(),
                row.getString("failure_reason"), row.getBoolean("exported"), List.of());
    }
}
