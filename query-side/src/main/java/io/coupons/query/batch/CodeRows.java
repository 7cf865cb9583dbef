package io.coupons.query.batch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The code_view table: one row per generated code. */
@Component
public class CodeRows {

    private final JdbcClient jdbc;

    public CodeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement per chunk; a code already there (a replayed chunk) is left as it is. */
    void insert(List<String> codes, UUID campaignId, UUID batchId, int batchNumber, Instant generatedAt) {
        jdbc.sql("""
                        INSERT INTO code_view (code, campaign_id, batch_id, batch_number, generated_at)
                        SELECT code, ?, ?, ?, ? FROM unnest(?::varchar[]) AS code
                        ON CONFLICT (code) DO NOTHING""")
                .params(campaignId, batchId, batchNumber, Timestamp.from(generatedAt), codes.toArray(String[]::new))
                .update();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE code_view").update();
    }

    /** A code as a download row: code, batch number, usage count. */
    public record ExportRow(String code, int batchNumber, long redemptions) {
    }

    /** Streams a batch's codes in code order from a cursor; run inside a transaction. */
    void forEachOfBatch(UUID batchId, Consumer<ExportRow> consumer) {
        RowCallbackHandler handler = row -> consumer.accept(new ExportRow(row.getString("code"),
                row.getInt("batch_number"), row.getLong("redemptions")));
        jdbc.sql("SELECT code, batch_number, redemptions FROM code_view WHERE batch_id = ? ORDER BY code")
                .param(batchId).withFetchSize(2_000).query(handler);
    }
}
